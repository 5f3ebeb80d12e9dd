import { CUSTOMER_CHARACTERISTICS } from '@dossier/domain';

/** What one file holds; a file is one kind, told by `--kind` or by its headers. */
export enum ImportKind {
  CUSTOMERS = 'customers',
  KEY_PERSONS = 'key-persons',
  ORDERS = 'orders',
  ORDER_LINES = 'order-lines',
  PAYMENTS = 'payments',
}

/** A field a column can fill, with the header names (Chinese and English) that mean it. */
export interface ColumnSpec {
  field: string;
  names: readonly string[];
  required: boolean;
}

const column = (field: string, required: boolean, ...names: string[]): ColumnSpec => ({
  field,
  names,
  required,
});

/** Other names sheets give a characteristic, beside its labels in both languages. */
const CHARACTERISTIC_ALIASES: Readonly<Record<string, readonly string[]>> = {
  businessStyle: ['经营方针', '经营风格', 'business policy'],
  marketInfluence: ['market influence'],
  cooperationIntent: ['合作意愿', 'cooperation intent'],
};

/** The characteristics (客户特征) of a customer sheet, one column each, as CUSTOMER_CHARACTERISTICS lists them. */
const CHARACTERISTIC_COLUMNS = CUSTOMER_CHARACTERISTICS.map((c) =>
  column(c.field, false, c.label['zh-CN'], c.label.en, ...(CHARACTERISTIC_ALIASES[c.field] ?? [])),
);

const CUSTOMER_CODE = ['客户编号', '客户代码', '客户号', 'customer code', 'customer no', 'customer number'];

const LINE_COLUMNS = [
  column('sku', true, '商品编码', '商品编号', '产品编码', '产品编号', '货号', 'sku', 'product code'),
  column('productName', false, '商品名称', '产品名称', '品名', 'product name', 'product'),
  column('category', false, '商品类别', '产品类别', '类别', 'category', 'product category'),
  column('quantity', true, '数量', 'quantity', 'qty'),
  column('unitPrice', true, '单价', 'unit price', 'price'),
  column('discount', false, '折扣', '折扣率', 'discount'),
];

const ORDER_NUMBER = column('orderNumber', true, '订单号', '订单编号', 'order number', 'order no', 'order');

/**
 * The columns of each kind. Headers match after normalising case, width, spaces, punctuation and a
 * bracketed unit ("单价（元）" is 单价); the first name of each column is the one messages use.
 */
export const COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  [ImportKind.CUSTOMERS]: [
    column('code', true, ...CUSTOMER_CODE, '编号', 'code'),
    column('name', true, '客户名称', '名称', '公司名称', '单位名称', 'name', 'customer name', 'company name'),
    column('nature', false, '性质', '客户性质', 'nature'),
    column('tier', false, '档次', '客户档次', 'tier'),
    column('lifecycle', false, '交易过程', '交易阶段', 'lifecycle', 'stage'),
    column('industry', false, '行业', 'industry'),
    column('region', false, '区域', '地区', '销售区域', 'region', 'sales region'),
    column('city', false, '城市', 'city'),
    column('address', false, '地址', 'address'),
    column('phone', false, '电话', '联系电话', 'phone', 'telephone', 'tel'),
    column('website', false, '网址', '网站', 'website', 'web', 'url'),
    column('legalRepresentative', false, '法定代表人', '法人代表', 'legal representative'),
    column('foundedOn', false, '成立日期', '成立时间', 'founded on', 'founding date', 'founded'),
    column('creditLimit', false, '信用额度', '授信额度', 'credit limit'),
    column('owner', false, '负责销售', '负责人', '客户经理', 'owner', 'rep', 'sales rep'),
    ...CHARACTERISTIC_COLUMNS,
  ],
  [ImportKind.KEY_PERSONS]: [
    column('customerCode', true, ...CUSTOMER_CODE, 'customer'),
    column('name', true, '姓名', '联系人', '关键人物', 'name', 'key person', 'contact', 'contact name'),
    column('title', false, '职务', '职位', 'title', 'job title', 'position'),
    column('department', false, '部门', 'department', 'dept'),
    column('mobile', false, '手机', '移动电话', 'mobile', 'cell'),
    column('officePhone', false, '办公电话', '电话', 'office phone', 'phone', 'tel'),
    column('email', false, '邮箱', '电子邮件', 'email'),
    column('personality', false, '性格', 'personality'),
    column('interests', false, '兴趣爱好', '爱好', 'interests', 'hobbies'),
    column('family', false, '家庭', 'family'),
    column('education', false, '学历', 'education'),
    column('birthYear', false, '出生年份', 'birth year'),
    column('birthday', false, '生日', 'birthday'),
    column('background', false, '经历背景', '经历', 'background', 'career'),
    column('notes', false, '备注', 'notes', 'remarks'),
  ],
  // Each row is an order, or, with line columns, a line of an order whose other columns repeat per line.
  [ImportKind.ORDERS]: [
    ORDER_NUMBER,
    column('customerCode', true, ...CUSTOMER_CODE, 'customer'),
    column('orderedAt', true, '订货日期', '订单日期', '下单日期', 'order date', 'ordered at', 'date'),
    column('dueDate', false, '应付款日期', '付款期限', '到期日', 'due date', 'payment due'),
    column('region', false, '销售区域', '区域', '地区', 'region'),
    column('rep', false, '销售代表', '业务员', 'rep', 'sales rep'),
    column('paidAmount', false, '已付金额', '已付款', 'paid amount', 'paid'),
    ...LINE_COLUMNS.map((spec) => ({ ...spec, required: false })),
  ],
  [ImportKind.ORDER_LINES]: [ORDER_NUMBER, ...LINE_COLUMNS],
  // Payments received (付款记录) against existing orders, one row each.
  [ImportKind.PAYMENTS]: [
    ORDER_NUMBER,
    column('amount', true, '付款金额', '收款金额', '金额', 'amount', 'payment amount'),
    column('paidOn', true, '付款日期', '收款日期', '到账日期', 'paid on', 'payment date', 'date paid'),
    column('method', false, '付款方式', '支付方式', '结算方式', 'method', 'payment method'),
    column('note', false, '备注', '说明', 'note', 'notes', 'remarks'),
  ],
};

/** The line columns that turn an orders file into one row per order line. */
export const LINE_FIELDS = ['sku', 'quantity', 'unitPrice'] as const;
