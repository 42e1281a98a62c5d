import type { Command } from 'commander';
import type { Wrap } from '../main.js';

/** Registers `ssj export announcement`. */
export function registerAnnouncement(_exp: Command, _wrap: Wrap): void {}
