import type { Messages } from './en';

export const zhCN: Messages = {
  app: {
    name: '客户档案',
    tagline: '面向 B2B 销售团队的客户档案系统',
    loading: '加载中…',
    retry: '重试',
  },
  language: { label: '语言' },
  header: {
    signedInAs: '当前用户：{{name}}',
    signOut: '退出登录',
  },
  login: {
    title: '登录客户档案系统',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    wrongCredentials: '邮箱或密码错误。',
  },
  nav: { label: '主导航', customers: '客户' },
  notFound: {
    title: '页面不存在',
    body: '此地址没有内容，可能已移动或链接有误。',
    back: '返回客户列表',
  },
  customers: {
    title: '客户',
  },
  dossierPage: {
    sections: '档案栏目',
    owner: '负责销售：{{name}}',
    noOwner: '无',
    classes: '分类',
  },
  tabs: {
    basic: '基本情况',
    people: '关键人物',
    map: '关系图',
    roles: '角色作用',
    projects: '销售项目',
    trade: '交易',
    credit: '资信',
    history: '变更历史',
  },
  error: {
    BAD_USER_INPUT: '输入的内容有误，请检查后重试。',
    UNAUTHENTICATED: '登录已失效，请重新登录。',
    FORBIDDEN: '您没有执行此操作的权限。',
    NOT_FOUND: '该记录已不存在。',
    VERSION_CONFLICT: '该记录已被他人修改，请刷新后重试。',
    UNREACHABLE: '无法连接客户档案服务器，请检查网络后重试。',
    UNKNOWN: '出现错误，请重试。',
  },
};
