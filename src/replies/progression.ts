import type { APIEmbed } from 'discord-api-types/v10';
import type { OptionValues, Reply, ReplyFile } from '../core/command.js';
import { readBoolean } from '../core/options.js';
import { buildReply, sharedReply } from '../core/reply.js';
import { createPictureCache } from '../pictures/picture-cache.js';
import { buildProgressionChartSvg, type ProgressionChartInput } from '../pictures/progression-chart.js';
import { renderInChildProcess } from '../pictures/render-process.js';
import type { SeasonModel } from '../season/model.js';
import { type Progression, type ProgressionStep, progression } from '../season/progression.js';
import { latestClassifiedRound } from '../season/standings-engine.js';
import { COLOURS, className, plainClassName, sourceFooter } from './common.js';
import { fitLines, LIMITS } from './limits.js';
import { pictureFailed } from './pictures.js';
import { joinSafe, literal, md, type SafeEmbed, safe } from './safe-text.js';

function stepLabel(model: SeasonModel, step: ProgressionStep): string {
  const round = model.rounds[step.round - 1];
  const base = `R${step.round} ${round?.country.written ?? ''}`.trim();
  return (round?.scoring.length ?? 1) > 1 ? `${base} ${step.stage}` : base;
}

function seriesLabel(model: SeasonModel, personIds: readonly string[]): string {
  return personIds.map((id) => model.people.get(id)?.name ?? id).join(' / ');
}

export function progressionChartInput(model: SeasonModel, p: Progression): ProgressionChartInput {
  const round = model.rounds[p.afterRound - 1];
  return {
    title: `${plainClassName(model, p.classId)} — points progression`,
    subtitle: `${model.name} · top ${p.series.length} after round ${p.afterRound}${round ? ` (${round.short_name})` : ''} · computed from the round classifications`,
    steps: p.steps.map((s) => stepLabel(model, s)),
    series: p.series.map((s) => ({
      label: `${s.tied ? '=' : ''}${s.position}. ${seriesLabel(model, s.personIds)}`,
      values: s.values,
    })),
    footer: `Source: ${model.files.season.source.title} (${model.files.season.source.kind})`,
  };
}

/** The same numbers as text: each row's cumulative points after every step (the picture's fallback). */
export function buildProgressionEmbed(model: SeasonModel, p: Progression): SafeEmbed {
  const steps = p.steps.map((s) => safe(stepLabel(model, s)));
  const body =
    p.series.length === 0
      ? literal('No driver has scored yet.')
      : fitLines(
          p.series.length,
          (i) => {
            const s = p.series[i] as Progression['series'][number];
            return md`**${s.tied ? literal('=') : literal('')}${s.position}. ${safe(seriesLabel(model, s.personIds))}**\n\u2003${joinSafe(
              s.values.map((v, k) => md`${steps[k] ?? literal('')} ${v}`),
              ' → ',
            )}`;
          },
          LIMITS.description - 200,
          (left) => md`… and ${left} more rows`,
        );
  const more =
    p.more > 0
      ? md`\n\nTop ${p.series.length} shown; /standings lists all ${p.series.length + p.more} rows.`
      : literal('');
  return {
    title: md`${className(model, p.classId)} — points progression (computed)`,
    description: md`${body}${more}\n-# Cumulative points after each round, a 24-hour round after each of its scoring stages; at each round's end the total of the table after that round.`,
    color: COLOURS.standings,
    footer: sourceFooter(model, 'en'),
  };
}

/**
 * /standings class chart:true. Only a computed class has points after each round; a published table (2013)
 * gives totals or overall positions, so the reply says there is no progression to draw rather than guess.
 */
export async function progressionReply(
  model: SeasonModel,
  classId: string,
  options: OptionValues,
): Promise<Reply> {
  const ephemeral = readBoolean(options, 'hide');
  const round = model.standings.has(classId) ? null : latestClassifiedRound(model, classId);
  if (round === null)
    return sharedReply(model, `progression:${classId}:none:${ephemeral}`, () =>
      buildReply({
        embeds: [
          {
            title: md`${className(model, classId)} — points progression`,
            description: md`Per-round points cannot be derived from what was published for ${className(model, classId)} in ${safe(model.name)}, so there is no progression to draw. /standings shows the published table.`,
            color: COLOURS.standings,
            footer: sourceFooter(model, 'en'),
          },
        ],
        ephemeral,
      }),
    );
  const p = progression(model, classId, round);
  const embed = buildProgressionEmbed(model, p);
  const textOnly = () =>
    sharedReply(model, `progression:${classId}:${round}:${ephemeral}`, () =>
      buildReply({ embeds: [embed], ephemeral }),
    );
  if (readBoolean(options, 'text') || p.series.length === 0) return textOnly();
  const picture = await progressionPicture(model, p).catch(pictureFailed);
  if (!picture) return textOnly();
  return sharedReply(model, `progression-picture:${classId}:${round}:${ephemeral}`, () =>
    buildReply({ embeds: [{ ...embed, image: picture.image }], files: [picture.file], ephemeral }),
  );
}

const cache = createPictureCache({ maxEntries: 32, render: renderInChildProcess });
const svgs = new Map<string, Promise<string>>();

/** The chart as a PNG attachment, drawn once per class, round, size and data version. */
export async function progressionPicture(
  model: SeasonModel,
  p: Progression,
): Promise<{ file: ReplyFile; image: APIEmbed['image'] }> {
  const key = `${model.id}:progression:${p.classId}:${p.afterRound}:${p.series.length}:${model.version}`;
  let svg = svgs.get(key);
  if (!svg) {
    svg = buildProgressionChartSvg(progressionChartInput(model, p));
    svgs.set(key, svg);
    svg.catch(() => svgs.delete(key));
    // A handful of charts at most per data version: keep the newest few.
    for (const old of svgs.keys()) if (svgs.size > 32) svgs.delete(old);
  }
  const text = await svg;
  const picture = await cache.getOrRender(key, () => text);
  const name = `progression-${p.classId}.png`;
  return {
    file: {
      name,
      contentType: 'image/png',
      data: picture.png,
      description: `${plainClassName(model, p.classId)} points progression chart`,
    },
    image: { url: `attachment://${name}` },
  };
}
