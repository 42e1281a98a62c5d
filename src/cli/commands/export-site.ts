import type { Command } from 'commander';
import type { Wrap } from '../main.js';

/** Registers `ssj export site`. */
export function registerSite(_exp: Command, _wrap: Wrap): void {}
