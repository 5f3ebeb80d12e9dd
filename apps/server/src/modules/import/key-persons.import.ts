import { randomUUID } from 'node:crypto';
import { recordCreates } from '../history/history.writer.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { customersByCode } from './import.lookups.js';
import { type ImportPlan, type PlanContext, parseRows, present, problemsOf } from './import.plan.js';
import { columnsOf, inChunks, unnest } from './import.sql.js';

/** Key persons (关键人物) of customers that already exist and that the importer may see. */
export async function planKeyPersons(context: PlanContext): Promise<ImportPlan> {
  const parsed = parseRows(context, (r) => ({
    id: randomUUID(),
    customerCode: r.required('customerCode', 32),
    customerId: null as string | null,
    name: r.required('name', 100),
    title: r.text('title', 100),
    department: r.text('department', 100),
    mobile: r.phone('mobile'),
    officePhone: r.phone('officePhone'),
    email: r.email('email'),
    personality: r.text('personality', 2000),
    interests: r.text('interests', 2000),
    family: r.text('family', 2000),
    education: r.text('education', 2000),
    birthYear: r.year('birthYear'),
    birthday: r.monthDay('birthday'),
    background: r.text('background', 2000),
    notes: r.text('notes', 2000),
  }));
  const codes = present(parsed.map(({ record }) => record.customerCode));
  const customers = await customersByCode(context.em, context.viewer, codes);
  for (const { reader, record } of parsed) {
    if (record.customerCode === null) continue;
    const customer = customers.get(record.customerCode);
    if (customer) record.customerId = customer.id;
    else reader.fail('customerCode', `names no customer ("${record.customerCode}")`);
  }
  const people = parsed.map(({ record }) => record);
  return {
    problems: problemsOf(parsed),
    counts: { keyPersons: people.length },
    write: (em, batch, progress) => {
      progress.phase('writing key persons', people.length);
      return inChunks(people, progress, async (chunk) => {
        const rows = unnest(
          columnsOf(chunk, {
            id: ['uuid', (p) => p.id],
            customer_id: ['uuid', (p) => p.customerId],
            name: ['text', (p) => p.name],
            title: ['text', (p) => p.title],
            department: ['text', (p) => p.department],
            mobile: ['text', (p) => p.mobile],
            office_phone: ['text', (p) => p.officePhone],
            email: ['text', (p) => p.email],
            profile_personality: ['text', (p) => p.personality],
            profile_interests: ['text', (p) => p.interests],
            profile_family: ['text', (p) => p.family],
            profile_education: ['text', (p) => p.education],
            profile_birth_year: ['int', (p) => p.birthYear],
            profile_birthday: ['text', (p) => p.birthday],
            profile_background: ['text', (p) => p.background],
            profile_notes: ['text', (p) => p.notes],
          }),
        );
        const insert = `insert into key_person (${rows.columns}) select * from ${rows.from}
          returning *`;
        await recordCreates(em, batch, { entity: KeyPerson, created: insert, params: rows.params });
      });
    },
  };
}
