import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { newestFirstLoaders } from '../../core/pagination/newest-first.js';
import { Feedback } from './feedback.entity.js';
import { SatisfactionSurvey } from './satisfaction-survey.entity.js';

/** A customer's feedback, newest received first, narrowed by status (`kinds`), as feedback_customer_id_index reads. */
export const feedbackOfCustomer = newestFirstLoaders({
  entity: Feedback,
  table: 'feedback',
  parentColumn: 'customer_id',
  timeColumn: 'received_at',
  timeOf: (feedback) => feedback.receivedAt,
  kindColumn: 'status',
});

/** A customer's surveys in the order they were taken: the trend reads left to right. */
export const surveysOfCustomer = childrenLoader(SatisfactionSurvey, 'customer', {
  surveyedOn: 'asc',
  id: 'asc',
});

export const feedbackById = byIdLoader(Feedback);
export const surveyById = byIdLoader(SatisfactionSurvey);
