import { runtimeZhCN } from './runtime/zh-cn';
import { designerZhCN } from './designer/zh-cn';
import { reportsZhCN } from './reports/zh-cn';

/** 简体中文 — the reference resource: `en-us.ts` must have exactly the same keys (checked by the type). */
export const zhCN = {
  common: {
    productName: 'Tessera',
    tagline: '无代码搭建表单、流程、报表与 CRM',
    loading: '加载中…',
    backHome: '返回首页',
    reload: '重新加载',
  },
  language: {
    label: '界面语言',
    zhCN: '中文',
    enUS: 'English',
  },
  auth: {
    login: {
      title: '登录 Tessera',
      subtitle: '欢迎回来，请登录你的工作空间',
      email: '邮箱',
      emailPlaceholder: 'name@company.com',
      emailRequired: '请输入邮箱',
      emailInvalid: '邮箱格式不正确',
      password: '密码',
      passwordPlaceholder: '请输入密码',
      passwordRequired: '请输入密码',
      tenant: '组织代码',
      tenantOptional: '（可选）',
      tenantPlaceholder: '例如 demo',
      tenantHint: '属于多个组织时填写，演示组织为 demo',
      submit: '登录',
      heroTitle: '像拼图一样搭建你的业务应用',
      heroBody: '表单、审批流程、报表仪表盘与 CRM，一个平台即可完成，支持私有化部署。',
      heroPoint1: '拖拽设计表单与流程',
      heroPoint2: '数据权限精确到字段',
      heroPoint3: '私有化部署，数据自主可控',
      footer: '© {{year}} Tessera',
    },
    errors: {
      invalidCredentials: '邮箱或密码不正确',
      tooManyAttempts: '尝试次数过多，请稍后再试',
      tooManyAttemptsRetry: '尝试次数过多，请在 {{seconds}} 秒后重试',
      tooManyAttemptsRetryMinutes: '尝试次数过多，请在 {{minutes}} 分钟后重试',
      network: '无法连接服务器，请检查网络后重试',
      generic: '登录失败：{{message}}',
    },
    logout: '退出登录',
    sessionExpired: '登录已过期，请重新登录',
  },
  shell: {
    sidebar: {
      apps: '应用',
      emptyTitle: '还没有应用',
      emptyHint: '创建或安装的应用会显示在这里',
    },
    userMenu: {
      admin: '管理员',
      member: '成员',
    },
  },
  home: {
    welcome: '欢迎回来，{{name}}',
    intro: '这是 {{tenant}} 的工作空间。',
    workspace: '工作空间',
    tenantCode: '组织代码',
    role: '你的角色',
    account: '登录账号',
    gettingStartedTitle: '开始使用',
    gettingStartedBody: '应用、表单和仪表盘即将在这里出现。左侧边栏会列出你有权访问的应用。',
  },
  notFound: {
    title: '页面不存在',
    subtitle: '你访问的页面不存在或已被移动。',
  },
  errors: {
    crashTitle: '出了点问题',
    crashSubtitle: '页面遇到了意外错误。你可以重新加载，或返回首页。',
    details: '错误详情',
  },
  designer: designerZhCN,
  reports: reportsZhCN,
  runtime: runtimeZhCN,
};

export type Messages = typeof zhCN;
