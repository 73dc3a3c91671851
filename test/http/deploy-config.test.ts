import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { REPO_ROOT } from '../recaps/harness.js';
import { NGINX } from '../support/nginx.js';

/** The reference deployment (deploy/) stays in step with the code: nginx accepts it, the bot's config too. */
const scratch = mkdtempSync(join(tmpdir(), 'pitboard-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('deploy/nginx.conf passes nginx -t (with the upstream host and certificate made local)', () => {
  // A throwaway self-signed certificate (openssl is part of Debian's base): nginx -t loads the files.
  const key = join(scratch, 'privkey.pem');
  writeFileSync(
    key,
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  execFileSync(
    'openssl',
    ['req', '-x509', '-key', key, '-out', join(scratch, 'fullchain.pem'), '-days', '1', '-subj', '/CN=test'],
    {
      stdio: 'ignore',
    },
  );
  const conf = readFileSync(join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace('server bot:8080', 'server 127.0.0.1:8080')
    .replaceAll('/etc/nginx/certs/', `${scratch}/`);
  writeFileSync(join(scratch, 'nginx.conf'), conf);
  const output = execFileSync(
    NGINX,
    ['-t', '-p', scratch, '-c', join(scratch, 'nginx.conf'), '-e', join(scratch, 'error.log')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  expect(output).toBe('');
});

test('deploy/compose.yaml runs HTTP mode on Redis behind nginx, with settings the bot accepts', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'deploy/compose.yaml'), 'utf8')) as {
    services: Record<string, { environment?: Record<string, string>; deploy?: { replicas?: number } }>;
  };
  expect(Object.keys(compose.services).sort()).toEqual(['bot', 'nginx', 'redis']);
  const bot = compose.services.bot;
  expect(bot?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  const config = loadConfig({
    ...bot?.environment,
    DISCORD_TOKEN: 'a.b.c',
    DISCORD_APPLICATION_ID: '123456789012345678',
    DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
  });
  expect(config).toMatchObject({
    mode: 'http',
    http: { host: '0.0.0.0', port: 8080, path: '/interactions' },
    recaps: { storeUrl: 'redis://redis:6379' },
  });
  expect(readFileSync(join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8')).toContain(
    `location = ${config.http?.path}`,
  );
});
