import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export interface NginxHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx as the load balancer in front of `upstreams` (ports on 127.0.0.1), on a free loopback
 * port, with its own prefix, config and logs in a temporary folder; stopped when the test ends.
 * `proxy_next_upstream error`: a refused connection (a dead worker) is retried on the next upstream.
 * `max_fails=0` keeps nginx sending every other request to a dead upstream (no "temporarily disabled"),
 * so the tests see the retry itself at work, not nginx's memory of an earlier failure.
 * `.ci/run` installs nginx when it is missing.
 */
export async function startNginx(upstreams: readonly number[]): Promise<NginxHandle> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-nginx-'));
  // nginx's workers drop to an unprivileged user when started as root: they must reach the temp folders.
  chmodSync(dir, 0o755);
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, sub));
    chmodSync(join(dir, sub), 0o777);
  }
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'client_body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  upstream pitboard {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 256k;
    location / {
      proxy_pass http://pitboard;
      proxy_next_upstream error;
      proxy_connect_timeout 2s;
      proxy_read_timeout 10s;
      proxy_buffers 16 64k;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) =>
      reject(new Error(`cannot run ${NGINX} (apt-get install nginx): ${error.message}`)),
    ),
  );
  await Promise.race([waitForPort(port, 10_000, () => stderr), spawnError]);
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM'); // fast shutdown
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, timeoutMs: number, stderr: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > end)
      throw new Error(`nginx did not listen on ${port} within ${timeoutMs} ms: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
