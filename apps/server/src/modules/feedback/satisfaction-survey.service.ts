import { isSurveyScore, SURVEY_ASPECTS, type SurveyAspect } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { notNull, optionalText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { customerVisibleTo } from '../customer/customer.loaders.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Staff } from '../staff/staff.entity.js';
import type {
  RecordSatisfactionSurveyInput,
  UpdateSatisfactionSurveyInput,
} from './inputs/feedback-inputs.js';
import { ASPECT_PROPERTY, SatisfactionSurvey } from './satisfaction-survey.entity.js';

const COMMENT_MAX = 2000;

function score(field: string, value: number): number {
  if (!isSurveyScore(value)) throw badInput(`input.${field}`, 'must be a whole number from 1 to 5');
  return value;
}

function surveyDay(ctx: Context, day: string): string {
  if (day > ctx.clock.today()) throw badInput('input.surveyedOn', 'must not be in the future');
  return day;
}

async function visibleSurvey(ctx: Context, em: EntityManager, globalId: string) {
  const survey = await em.findOne(SatisfactionSurvey, { id: idOf(globalId, 'SatisfactionSurvey', 'id') });
  if (!survey || !(await customerVisibleTo(em, ctx.viewer, survey.customer.id))) {
    throw notFound('SatisfactionSurvey', globalId, 'id');
  }
  return survey;
}

/** Records a survey; a second one of the customer on the same day is BAD_USER_INPUT on surveyedOn. */
export function recordSatisfactionSurvey(
  ctx: Context,
  input: RecordSatisfactionSurveyInput,
): Promise<SatisfactionSurvey> {
  const recorder = viewerOf(ctx);
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const scores = Object.fromEntries(
      SURVEY_ASPECTS.map((aspect) => [
        aspect,
        score(ASPECT_PROPERTY[aspect], input[ASPECT_PROPERTY[aspect]]),
      ]),
    ) as Record<SurveyAspect, number>;
    const day = surveyDay(ctx, input.surveyedOn);
    const comment = optionalText('input.comment', input.comment, COMMENT_MAX);
    const customer = await visibleCustomer(ctx, em, input.customerId, 'input.customerId');
    const survey = new SatisfactionSurvey(
      em.getReference(Customer, customer.id, { wrapped: true }),
      day,
      scores,
    );
    survey.comment = comment;
    survey.recordedBy = em.getReference(Staff, recorder.id, { wrapped: true });
    em.persist(survey);
    return survey;
  });
}

/** Corrects a survey: the fields given change, the history keeps what they were. */
export function updateSatisfactionSurvey(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateSatisfactionSurveyInput,
): Promise<SatisfactionSurvey> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const survey = await visibleSurvey(ctx, em, globalId);
    expectVersion(survey, expectedVersion);
    for (const aspect of SURVEY_ASPECTS) {
      const property = ASPECT_PROPERTY[aspect];
      const value = input[property];
      if (value !== undefined) survey[property] = score(property, notNull(`input.${property}`, value));
    }
    if (input.surveyedOn !== undefined) {
      survey.surveyedOn = surveyDay(ctx, notNull('input.surveyedOn', input.surveyedOn));
    }
    if (input.comment !== undefined)
      survey.comment = optionalText('input.comment', input.comment, COMMENT_MAX);
    return survey;
  });
}

/** Deletes a survey entered by mistake; its values stay in the history. */
export function deleteSatisfactionSurvey(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
): Promise<boolean> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const survey = await visibleSurvey(ctx, em, globalId);
    expectVersion(survey, expectedVersion);
    em.remove(survey);
    return true;
  });
}
