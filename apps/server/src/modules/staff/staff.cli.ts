import { parseArgs } from 'node:util';
import { StaffRole } from '@dossier/domain';
import { GraphQLError } from 'graphql';
import { type Task, UsageError } from '../import/import.cli.js';
import { createStaffMember } from './staff-admin.service.js';

/** Where a script puts the password, so it shows up in no process list and no shell history. */
export const PASSWORD_VARIABLE = 'DOSSIER_STAFF_PASSWORD';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (finish: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      finish();
    };
    function onData(chunk: Buffer) {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed));
        if (char === '\u0003') return done(() => reject(new UsageError('cancelled')));
        typed = char === '\u007f' ? [...typed].slice(0, -1).join('') : typed + char;
      }
    }
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

/** From the environment, a pipe, or a prompt (typed twice); never from an argument. */
async function readPassword(email: string): Promise<string> {
  const fromEnv = process.env[PASSWORD_VARIABLE];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await promptHidden(`Password for ${email}: `);
  const again = await promptHidden('Repeat it: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

/** `dossier staff:create --email … --name … [--role ADMIN] [--title …] [--department …]` */
export function staffCreateCommand(args: string[]): Task {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: StaffRole.ADMIN },
      title: { type: 'string' },
      department: { type: 'string' },
    },
  });
  const { email, name, role } = values;
  if (!email || !name) throw new UsageError('staff:create needs --email and --name');
  if (!Object.values<string>(StaffRole).includes(role)) {
    throw new UsageError(`--role must be one of ${Object.values(StaffRole).join(', ')}`);
  }
  return async (orm) => {
    const password = await readPassword(email);
    try {
      const staff = await orm.em.fork().transactional((em) =>
        createStaffMember(
          em,
          {
            email,
            name,
            role: role as StaffRole,
            title: values.title,
            department: values.department,
            password,
          },
          { actorId: null, address: null },
        ),
      );
      console.log(`created ${staff.role} ${staff.name} <${staff.email}>; they can sign in now`);
      return 0;
    } catch (error) {
      if (error instanceof GraphQLError) throw new UsageError(error.message);
      throw error;
    }
  };
}
