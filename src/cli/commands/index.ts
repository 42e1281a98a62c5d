import type { Register } from '../register.js';
import { register as importCmd } from './import.js';
import { register as listCmd } from './list.js';
import { register as showCmd } from './show.js';
import { register as planCmd } from './plan.js';
import { register as drawCmd } from './draw.js';
import { register as recuseCmd } from './recuse.js';
import { register as exportCmd } from './export.js';
import { register as verifyCmd } from './verify.js';
import { register as resultCmd } from './result.js';
import { register as objectionCmd } from './objection.js';
import { register as dueCmd } from './due.js';
import { register as calendarCmd } from './calendar.js';
import { register as resultFeedbackCmd } from './result-feedback.js';
import { register as auditCmd } from './audit.js';
import { register as configCmd } from './config.js';
import { register as demoCmd } from './demo.js';
import { register as reportCmd } from './report.js';
import { register as planAnnualCmd } from './plan-annual.js';

/** Every command, in the order `ssj --help` lists them (the order of a year's work). */
export const commands: Register[] = [
  importCmd,
  listCmd,
  showCmd,
  planCmd,
  planAnnualCmd,
  drawCmd,
  recuseCmd,
  exportCmd,
  verifyCmd,
  resultCmd,
  resultFeedbackCmd,
  objectionCmd,
  dueCmd,
  calendarCmd,
  reportCmd,
  auditCmd,
  configCmd,
  demoCmd,
];
