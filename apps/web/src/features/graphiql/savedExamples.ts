import type { PlainMessageKey } from '../../i18n';

/** A ready-made operation an analyst opens in a new GraphiQL tab; `savedExamples.test.ts` validates each. */
export interface SavedExample {
  id: string;
  label: PlainMessageKey;
  query: string;
  /** The variables editor's JSON: ids are the user's to fill in, the comments say where to copy them from. */
  variables?: Record<string, unknown>;
}

export const SAVED_EXAMPLES: SavedExample[] = [
  {
    id: 'top-customers',
    label: 'graphiql.topCustomers',
    query: `# Class A customers of the default ABC period,
# largest revenue first.
# 默认期间的 A 类客户，按销售额从高到低。
query TopCustomers {
  abcClassification {
    from
    to
    totalRevenue
    customers(class: A, first: 20) {
      totalCount
      nodes {
        grade {
          rank
          revenue
          share
          cumulativeShare
        }
        customer {
          id
          name
          region
          owner { id name }
        }
      }
    }
  }
}
`,
  },
  {
    id: 'risk-list',
    label: 'graphiql.riskList',
    query: `# Customers with a medium or high risk signal,
# riskiest first.
# 有中、高风险信号的客户，风险高者在前。
query RiskList {
  riskCustomers(minLevel: MEDIUM, first: 20) {
    totalCount
    nodes {
      id
      name
      region
      owner { id name }
      risk {
        level
        score
        signals { level message }
      }
    }
  }
}
`,
  },
  {
    id: 'relationship-map',
    label: 'graphiql.relationshipMap',
    query: `# One customer's key persons, who of us knows them,
# and the decision makers nobody covers.
# customerId: copy an id from "Top customers" or
# from a dossier's address (/customers/<id>/…).
# 一个客户的关系图。客户标识可从“重点客户”
# 的结果或档案地址（/customers/<标识>/…）中复制。
query RelationshipMap($customerId: ID!) {
  customer(id: $customerId) {
    name
    relationshipMap {
      keyPersons {
        name
        title
        reportsTo { name }
      }
      relationships {
        state
        lastContactAt
        staff { name }
        keyPerson { name }
      }
      roles {
        role
        influence
        keyPerson { name }
        project { name }
      }
      coverage {
        keyPersonCount
        positive
        neutral
        negative
        none
        uncoveredDecisionMakers { name title }
      }
    }
  }
}
`,
    variables: { customerId: '' },
  },
  {
    id: 'rep-contacts',
    label: 'graphiql.repContacts',
    query: `# Whom one of our staff knows, at every customer,
# and how well.
# staffId: copy an owner's id from the results of
# "Top customers" or "Risk list".
# 某员工在各客户认识谁、关系如何。员工标识可从
# “重点客户”或“风险客户”结果的 owner 中复制。
query RepContacts($staffId: ID!) {
  relationships(filter: { staffId: $staffId }, first: 50) {
    totalCount
    nodes {
      state
      lastContactAt
      keyPerson {
        name
        title
        customer { name }
      }
    }
  }
}
`,
    variables: { staffId: '' },
  },
  {
    id: 'region-coverage',
    label: 'graphiql.regionCoverage',
    query: `# How well each region's customers are covered:
# customers per coverage score, from 3 (every
# decision maker covered) to 0 (no key person yet).
# 各销售区域客户的覆盖情况：按覆盖分统计客户数，
# 3 为决策者均已覆盖，0 为尚无关键人物。
query RegionCoverage {
  coverageSummary(groupBy: REGION) {
    region
    customers
    averageScore
    score0
    score1
    score2
    score3
  }
}
`,
  },
];
