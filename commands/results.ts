import { buildResultsEmbed } from '../src/replies/results.js';
import { roundCardCommand } from './round-card.js';

export const results = roundCardCommand('results', 'Who won each class at a round', buildResultsEmbed);
