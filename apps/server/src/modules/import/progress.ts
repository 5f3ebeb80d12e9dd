import type { Progress } from './import.plan.js';

const WIDTH = 30;
const REDRAW_MS = 100;
const LOG_MS = 2000;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Progress on the terminal's stderr: a bar redrawn in place (\r) when stderr is a TTY, else a plain line
 * every two seconds and at the end of each phase, so a CI log or a redirected stream stays readable.
 */
export class TerminalProgress implements Progress {
  private name = '';
  private total = 0;
  private done = 0;
  private started = 0;
  private shown = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  private get tty(): boolean {
    return this.stream.isTTY === true;
  }

  phase(name: string, total: number): void {
    this.end();
    Object.assign(this, { name, total, done: 0, started: performance.now(), shown: 0 });
    this.draw(true);
  }

  advance(rows: number): void {
    this.done = Math.min(this.total, this.done + rows);
    this.draw(this.done === this.total);
  }

  /** Closes the current phase's line; call once more when the work is over. */
  end(): void {
    if (this.name === '') return;
    if (this.done < this.total) this.draw(true);
    if (this.tty) this.stream.write('\n');
    this.name = '';
  }

  /** Rows per second in the current phase. */
  get rate(): number {
    const seconds = (performance.now() - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private line(): string {
    if (this.total === 0) return `${this.name}…`;
    const share = this.done / this.total;
    const filled = Math.round(share * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const percent = `${Math.floor(share * 100)}`.padStart(3);
    return `${this.name.padEnd(20)} ${bar} ${percent}% ${count(this.done)}/${count(this.total)} rows · ${count(Math.round(this.rate))} rows/s`;
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.shown < (this.tty ? REDRAW_MS : LOG_MS)) return;
    this.shown = now;
    this.stream.write(this.tty ? `\r${this.line()}\x1b[K` : `${this.line()}\n`);
  }
}
