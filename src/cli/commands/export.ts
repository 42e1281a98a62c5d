import type { Register } from '../register.js';
import { registerBundle } from './export/bundle.js';
import { registerAnnouncement } from './export/announcement.js';
import { registerResults } from './export/results.js';
import { registerSite } from './export/site.js';
import { registerFiling, registerForms } from './export/filing.js';
import { registerAnnual } from './export/annual.js';

/** `ssj export …`: files for publication and verification. Each subcommand lives in its own file. */
export const register: Register = (program, wrap) => {
  const exp = program
    .command('export')
    .description(
      'write announcements, result lists, the website and verification bundles / 导出公告、结果、网站与核验包',
    );
  registerBundle(exp, wrap);
  registerAnnouncement(exp, wrap);
  registerResults(exp, wrap);
  registerSite(exp, wrap);
  registerFiling(exp, wrap);
  registerForms(exp, wrap);
  registerAnnual(exp, wrap);
};
