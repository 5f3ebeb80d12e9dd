import type { Messages } from './en';

// Typed as `Messages`: a missing or misspelt key is a compile error.
export const zhCN: Messages = {
  'app.name': '客户档案',
  'app.tagline': '面向 B2B 销售团队的客户档案系统',
  'app.loading': '加载中…',
  'app.retry': '重试',

  'language.label': '语言',

  'header.signedInAs': '当前用户：{name}',
  'header.signOut': '退出登录',

  'login.title': '登录客户档案系统',
  'login.email': '邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.wrongCredentials': '邮箱或密码错误。',

  'home.greeting': '欢迎，{name}',
  'home.role': '角色：{role}',
  'home.title': '职务：{title}',
  'home.placeholder': '客户列表将显示在这里。',

  'role.SALES_REP': '销售代表',
  'role.SALES_MANAGER': '销售经理',
  'role.ANALYST': '分析员',
  'role.ARCHIVIST': '档案管理员',
  'role.ADMIN': '系统管理员',

  'error.BAD_USER_INPUT': '输入的内容有误，请检查后重试。',
  'error.UNAUTHENTICATED': '登录已失效，请重新登录。',
  'error.FORBIDDEN': '您没有执行此操作的权限。',
  'error.NOT_FOUND': '该记录已不存在。',
  'error.VERSION_CONFLICT': '该记录已被他人修改，请刷新后重试。',
  'error.UNREACHABLE': '无法连接客户档案服务器，请检查网络后重试。',
  'error.UNKNOWN': '出现错误，请重试。',
};
