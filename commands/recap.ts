import { buildRecapEmbed } from '../src/replies/recap.js';
import { roundCardCommand } from './round-card.js';

/** The card the scheduler posts after each round, on demand. */
export const recap = roundCardCommand('recap', 'The post-race recap card of a round', buildRecapEmbed);
