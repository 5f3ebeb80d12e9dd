// Baseline (a) of `pnpm bench`: what PostgreSQL can do for scenarios 1 and 2, one hand-written statement
// each that signs the viewer in (the session as the product checks it), applies the same need-to-know rule
// (core/access/scope.ts, a regional manager's book) and builds the whole answer as JSON text, byte for byte
// the JSON our server answers (the bench compares the two before timing). $1 is the session token.

/** A Relay global id as core/graphql/global-id.ts makes it: base64url of "<Type>:<uuid>", unpadded. */
const gid = (type, column) =>
  `translate(rtrim(replace(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), E'\\n', ''), '='), '+/', '-_')`;

const coalesceList = (select) => `coalesce((${select}), '[]'::json)`;

/** The viewer of session $1 and the staff whose book they read, as `viewer` and `holders`. */
const SIGNED_IN = `viewer as (
    select s.id, s.role from auth_session a join staff s on s.id = a.staff_id
    where a.token_hash = sha256(convert_to($1, 'UTF8')) and a.expires_at > now() and s.active),
  holders as (
    select id from viewer union all select l.staff_id from staff_line l join viewer v on l.manager_id = v.id)`;

/**
 * customerInBook for a manager (scope.ts): unowned, owned, or in the book of one of the holders (known or
 * pursued: customer_book, the table the product's triggers keep).
 */
const IN_BOOK = (c) => `(${c}.owner_id is null or ${c}.owner_id in (select id from holders)
    or exists (select 1 from customer_book b where b.customer_id = ${c}.id and b.staff_id in (select id from holders)))`;

const staffJson = (s) => `json_build_object('id', ${gid('Staff', `${s}.id`)}, 'name', ${s}.name)`;

/** Scenario 1, $2 the page size. */
export const DOSSIER_LIST_SQL = `with ${SIGNED_IN},
  page as (select c.* from customer c where ${IN_BOOK('c')} order by c.name, c.id limit $2)
  select json_build_object('data', json_build_object('customers', json_build_object('nodes', ${coalesceList(`
    select json_agg(json_build_object(
      'id', ${gid('Customer', 'c.id')}, 'code', c.code, 'name', c.name,
      'owner', (select ${staffJson('o')} from staff o where o.id = c.owner_id),
      'keyPersons', ${coalesceList(`
        select json_agg(json_build_object(
          'id', ${gid('KeyPerson', 'kp.id')}, 'name', kp.name, 'title', kp.title,
          'relationships', ${coalesceList(`
            select json_agg(json_build_object('id', ${gid('Relationship', 'r.id')}, 'state', r.state,
                                              'staff', ${staffJson('s')}) order by s.name, r.id)
            from relationship r join staff s on s.id = r.staff_id where r.key_person_id = kp.id`)},
          'roles', ${coalesceList(`
            select json_agg(json_build_object('id', ${gid('DecisionRoleAssignment', 'd.id')}, 'role', d.role,
                                              'influence', d.influence) order by d.created_at, d.id)
            from decision_role_assignment d where d.key_person_id = kp.id`)}
        ) order by kp.name, kp.id)
        from key_person kp where kp.customer_id = c.id`)}
    ) order by c.name, c.id) from page c`)})))::text as body`;

const personRef = (kp) => `json_build_object('id', ${gid('KeyPerson', kp)})`;

/** Scenario 2, $2 the customer's uuid. */
export const DOSSIER_SQL = `with ${SIGNED_IN},
  dossier as (select c.* from customer c where c.id = $2 and ${IN_BOOK('c')})
  select json_build_object('data', json_build_object('customer', (
    select json_build_object(
      'id', ${gid('Customer', 'c.id')}, 'code', c.code, 'name', c.name,
      'relationshipMap', json_build_object(
        'keyPersons', ${coalesceList(`
          select json_agg(json_build_object('id', ${gid('KeyPerson', 'kp.id')}, 'name', kp.name, 'title', kp.title,
                 'reportsTo', case when kp.reports_to_id is not null then ${personRef('kp.reports_to_id')} end)
                 order by kp.name, kp.id)
          from key_person kp where kp.customer_id = c.id`)},
        'relationships', ${coalesceList(`
          select json_agg(json_build_object('id', ${gid('Relationship', 'r.id')}, 'state', r.state,
                 'keyPerson', ${personRef('kp.id')}, 'staff', ${staffJson('s')}) order by kp.name, s.name, r.id)
          from key_person kp join relationship r on r.key_person_id = kp.id join staff s on s.id = r.staff_id
          where kp.customer_id = c.id`)},
        'roles', ${coalesceList(`
          select json_agg(json_build_object('id', ${gid('DecisionRoleAssignment', 'd.id')}, 'role', d.role,
                 'influence', d.influence, 'keyPerson', ${personRef('kp.id')}) order by kp.name, d.created_at, d.id)
          from key_person kp join decision_role_assignment d on d.key_person_id = kp.id
          where kp.customer_id = c.id`)},
        'coverage', (
          select json_build_object('keyPersonCount', (select count(*) from key_person where customer_id = c.id and active),
                 'positive', count(*) filter (where r.state = 'POSITIVE'),
                 'neutral', count(*) filter (where r.state = 'NEUTRAL'),
                 'negative', count(*) filter (where r.state = 'NEGATIVE'),
                 'none', count(*) filter (where r.state = 'NONE'))
          from key_person kp join relationship r on r.key_person_id = kp.id join staff s on s.id = r.staff_id
          where kp.customer_id = c.id and kp.active and s.active)),
      'projects', json_build_object('nodes', ${coalesceList(`
        select json_agg(json_build_object('id', ${gid('Project', 'p.id')}, 'name', p.name, 'stage', p.stage,
               'events', ${coalesceList(`
                 select json_agg(json_build_object('id', ${gid('ProjectEvent', 'e.id')}, 'title', e.title,
                        'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                        order by e.occurred_at, e.id)
                 from project_event e where e.project_id = p.id`)}) order by p.created_at desc, p.id desc)
        from (select * from project where customer_id = c.id order by created_at desc, id desc limit 20) p`)}),
      'history', json_build_object('nodes', ${coalesceList(`
        select json_agg(json_build_object('id', ${gid('Change', 'h.id')}, 'action', h.action,
               'at', to_char(h.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'entityType', h.entity_type,
               'actor', (select ${staffJson('a')} from staff a where a.id = h.actor_id),
               'changes', ${coalesceList(`
                 select json_agg(json_build_object('field', f.field, 'before', f.before, 'after', f.after) order by f.id)
                 from field_change f where f.change_id = h.id`)}) order by h.at desc, h.id desc)
        from (select * from change where customer_id = c.id order by at desc, id desc limit 20) h`)}))
    from dossier c)))::text as body`;
