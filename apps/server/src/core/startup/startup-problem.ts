/**
 * A start that cannot succeed for a reason the person starting it can fix: its message is one sentence
 * saying what is wrong and what to do, printed alone on stderr (no stack, no JSON) before exit 1.
 */
export class StartupProblem extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'StartupProblem';
  }
}

/** The port the server cannot listen on, in one sentence; other errors are passed on. */
export function portProblem(error: unknown, port: number, host: string | undefined): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = host ? `${host}:${port}` : `port ${port}`;
  if (code === 'EADDRINUSE')
    return new StartupProblem(
      `${where} is already in use by another program (perhaps another Dossier): stop it, or choose a free port with PORT=${port === 0 ? 4000 : port + 1}.`,
    );
  if (code === 'EACCES')
    return new StartupProblem(
      `This user may not listen on ${where} (ports below 1024 need privileges): choose PORT=4000 and let a reverse proxy listen on ${port}.`,
    );
  if (code === 'EADDRNOTAVAIL')
    return new StartupProblem(
      `HOST=${host} is no address of this machine: unset HOST or choose one of its addresses.`,
    );
  return error;
}
