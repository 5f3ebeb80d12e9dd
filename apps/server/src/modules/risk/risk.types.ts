import {
  type RiskSignal as DomainRiskSignal,
  type Locale,
  RiskCode,
  RiskLevel,
  riskMessage,
} from '@dossier/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import '../../core/graphql/analytics-enums.js';

@ObjectType('RiskSignal', { description: 'One risk signal of a customer / 风险信号' })
export class RiskSignalView {
  @Field(() => RiskCode, { description: 'Which rule fired / 风险类型' })
  code!: RiskCode;

  @Field(() => RiskLevel, { description: 'Level of this signal / 风险等级' })
  level!: RiskLevel;

  @Field({ description: "What it means, with the figures, in the viewer's language / 风险说明" })
  message!: string;
}

@ObjectType('RiskAssessment', {
  description: 'Risk signals of a customer, from the risk snapshot / 风险评估',
})
export class RiskAssessmentView {
  @Field(() => RiskLevel, { description: 'Highest level of the signals; NONE without any / 风险等级' })
  level!: RiskLevel;

  @Field(() => Int, {
    description:
      'Sum of the signals (HIGH 100, MEDIUM 10, LOW 1): orders by level first, then by signal count / 风险分',
  })
  score!: number;

  @Field(() => [RiskSignalView], { description: 'Signals in the order of the rules / 风险信号' })
  signals!: RiskSignalView[];
}

/** A risk_assessment row as the loaders read it. */
export interface RiskRow {
  customer_id: string;
  level: RiskLevel;
  score: number;
  signals: DomainRiskSignal[];
}

/** A customer created after the last refresh has no signal yet; the trigger gives it a NONE row anyway. */
const NO_RISK = { level: RiskLevel.NONE, score: 0, signals: [] };

export function riskView(row: Omit<RiskRow, 'customer_id'> | null, locale: Locale): RiskAssessmentView {
  const { level, score, signals } = row ?? NO_RISK;
  return Object.assign(new RiskAssessmentView(), {
    level,
    score,
    signals: signals.map((signal) =>
      Object.assign(new RiskSignalView(), {
        code: signal.code,
        level: signal.level,
        message: riskMessage(signal, locale),
      }),
    ),
  });
}
