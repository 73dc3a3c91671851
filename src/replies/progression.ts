import type { APIEmbed } from 'discord-api-types/v10';
import type { OptionValues, Reply, ReplyFile } from '../core/command.js';
import { readBoolean } from '../core/options.js';
import { buildReply, sharedReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { plainT } from '../i18n/plain-text.js';
import { createPictureCache } from '../pictures/picture-cache.js';
import { buildProgressionChartSvg, type ProgressionChartInput } from '../pictures/progression-chart.js';
import { renderInChildProcess } from '../pictures/render-process.js';
import type { SeasonModel } from '../season/model.js';
import { type Progression, type ProgressionStep, progression } from '../season/progression.js';
import { latestClassifiedRound } from '../season/standings-engine.js';
import { COLOURS, className, plainClassName, sourceFooter } from './common.js';
import { fitLines, LIMITS } from './limits.js';
import { pictureFailed, pictureSource } from './pictures.js';
import { joinSafe, literal, md, type SafeEmbed, safe } from './safe-text.js';

function stepLabel(model: SeasonModel, step: ProgressionStep): string {
  const round = model.rounds[step.round - 1];
  const base = `R${step.round} ${round?.country.written ?? ''}`.trim();
  return (round?.scoring.length ?? 1) > 1 ? `${base} ${step.stage}` : base;
}

function seriesLabel(model: SeasonModel, personIds: readonly string[]): string {
  return personIds.map((id) => model.people.get(id)?.name ?? id).join(' / ');
}

export function progressionChartInput(
  model: SeasonModel,
  p: Progression,
  locale: Locale,
): ProgressionChartInput {
  const round = model.rounds[p.afterRound - 1];
  return {
    title: plainT(locale, 'replies.progression.chartTitle', { class: plainClassName(model, p.classId) }),
    subtitle: plainT(locale, 'replies.progression.subtitle', {
      season: model.name,
      count: p.series.length,
      round: p.afterRound,
      name: round?.short_name ?? '',
    }),
    steps: p.steps.map((s) => stepLabel(model, s)),
    series: p.series.map((s) => ({
      label: `${s.tied ? '=' : ''}${s.position}. ${seriesLabel(model, s.personIds)}`,
      values: s.values,
    })),
    pointsAxis: plainT(locale, 'replies.progression.axisPoints'),
    footer: pictureSource(model, locale),
  };
}

/** The same numbers as text: each row's cumulative points after every step (the picture's fallback). */
export function buildProgressionEmbed(model: SeasonModel, p: Progression, locale: Locale): SafeEmbed {
  const steps = p.steps.map((s) => safe(stepLabel(model, s)));
  const body =
    p.series.length === 0
      ? t(locale, 'replies.standings.noneScored')
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
          (left) => t(locale, 'replies.progression.moreRows', { left }),
        );
  const more =
    p.more > 0
      ? md`\n\n${t(locale, 'replies.progression.topShown', { shown: p.series.length, total: p.series.length + p.more })}`
      : literal('');
  return {
    title: t(locale, 'replies.progression.title', { class: className(model, p.classId) }),
    description: md`${body}${more}\n-# ${t(locale, 'replies.progression.note')}`,
    color: COLOURS.standings,
    footer: sourceFooter(model, locale),
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
  locale: Locale,
): Promise<Reply> {
  const ephemeral = readBoolean(options, 'hide');
  const round = model.standings.has(classId) ? null : latestClassifiedRound(model, classId);
  if (round === null)
    return sharedReply(model, `progression:${locale}:${classId}:none:${ephemeral}`, () =>
      buildReply({
        embeds: [
          {
            title: t(locale, 'replies.progression.chartTitle', { class: className(model, classId) }),
            description: t(locale, 'replies.progression.notDerivable', {
              class: className(model, classId),
              season: safe(model.name),
            }),
            color: COLOURS.standings,
            footer: sourceFooter(model, locale),
          },
        ],
        ephemeral,
      }),
    );
  const p = progression(model, classId, round);
  const embed = buildProgressionEmbed(model, p, locale);
  const textOnly = () =>
    sharedReply(model, `progression:${locale}:${classId}:${round}:${ephemeral}`, () =>
      buildReply({ embeds: [embed], ephemeral }),
    );
  if (readBoolean(options, 'text') || p.series.length === 0) return textOnly();
  const picture = await progressionPicture(model, p, locale).catch(pictureFailed);
  if (!picture) return textOnly();
  return sharedReply(model, `progression-picture:${locale}:${classId}:${round}:${ephemeral}`, () =>
    buildReply({ embeds: [{ ...embed, image: picture.image }], files: [picture.file], ephemeral }),
  );
}

const cache = createPictureCache({ maxEntries: 32, render: renderInChildProcess });
const svgs = new Map<string, Promise<string>>();

/** The chart as a PNG attachment, drawn once per class, round, size, language and data version. */
export async function progressionPicture(
  model: SeasonModel,
  p: Progression,
  locale: Locale,
): Promise<{ file: ReplyFile; image: APIEmbed['image'] }> {
  const key = `${model.id}:progression:${locale}:${p.classId}:${p.afterRound}:${p.series.length}:${model.version}`;
  let svg = svgs.get(key);
  if (!svg) {
    svg = buildProgressionChartSvg(progressionChartInput(model, p, locale));
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
      description: plainT(locale, 'replies.progression.chartAlt', {
        class: plainClassName(model, p.classId),
      }),
    },
    image: { url: `attachment://${name}` },
  };
}
