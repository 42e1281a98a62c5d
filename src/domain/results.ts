/** One row of a results file (`ssj result import`) as read, every cell as typed; src/db/results.ts checks it. */
export interface ResultInputRow {
  line: number;
  plan: string;
  uscc: string;
  date: string;
  outcome: string;
  followUp: string;
  note: string;
  reportDate: string;
  feedbackDate: string;
}
