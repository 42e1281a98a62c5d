import type { Command } from 'commander';
import type { Wrap } from '../main.js';

/** Registers `ssj export filing`. */
export function registerFiling(_exp: Command, _wrap: Wrap): void {}
