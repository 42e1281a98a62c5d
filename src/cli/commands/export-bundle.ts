import type { Command } from 'commander';
import type { Wrap } from '../main.js';

/** Registers `ssj export bundle`. */
export function registerBundle(_exp: Command, _wrap: Wrap): void {}
