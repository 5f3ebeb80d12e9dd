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
  home: {
    greeting: '欢迎，{{name}}',
    role: '角色：{{role}}',
    title: '职务：{{title}}',
    placeholder: '客户列表将显示在这里。',
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
