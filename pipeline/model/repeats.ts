/**
 * What a publication has printed already, so that nothing is printed twice: a run of 12
 * characters shared with an earlier item (the same sentence, or a clause of it), or a figure of
 * the same paragraph (实际利用外资增长6%以上 as a highlight and again as a target).
 */
const RUN = 12;
const FIGURE = /\d+(?:\.\d+)?(?:%|％|[万亿千百]*(?:元|美元|人|个|家|项|公里|千米|平方米|亩|吨|条|所|套|户|座|辆|张|千瓦|瓦|标箱))/g;

const plain = (text: string) => text.replace(/[\s，。；：、,.;:！？“”‘’（）()……—…]/g, '');

export class PrintedSoFar {
  private runs = new Set<string>();
  private figures = new Set<string>();

  /** Whether a text (of ¶n) repeats a sentence or a figure printed before. */
  repeats(text: string, n: number): boolean {
    const t = plain(text);
    for (let i = 0; i + RUN <= t.length; i++) if (this.runs.has(t.slice(i, i + RUN))) return true;
    // A figure of the same ¶ catches a short item (a target) that a longer one quoted already.
    for (const match of text.matchAll(FIGURE)) if (this.figures.has(`${n}:${match[0].replace('％', '%')}`)) return true;
    return false;
  }

  add(text: string, n: number): void {
    const t = plain(text);
    for (let i = 0; i + RUN <= t.length; i++) this.runs.add(t.slice(i, i + RUN));
    for (const match of text.matchAll(FIGURE)) this.figures.add(`${n}:${match[0].replace('％', '%')}`);
  }
}
