import type { Command } from 'commander';
import type { Wrap } from '../main.js';

/** Registers `ssj export results`. */
export function registerResults(_exp: Command, _wrap: Wrap): void {}
