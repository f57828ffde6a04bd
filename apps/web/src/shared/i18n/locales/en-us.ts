import { runtimeEnUS } from './runtime/en-us';
import { designerEnUS } from './designer/en-us';
import type { Messages } from './zh-cn';
import { reportsEnUS } from './reports/en-us';

/** English (United States). Typed as {@link Messages}: a missing or extra key fails the typecheck. */
export const enUS: Messages = {
  common: {
    productName: 'Tessera',
    tagline: 'Build forms, flows, dashboards and CRM without code',
    loading: 'Loading…',
    backHome: 'Back to home',
    reload: 'Reload',
  },
  language: {
    label: 'Language',
    zhCN: '中文',
    enUS: 'English',
  },
  auth: {
    login: {
      title: 'Sign in to Tessera',
      subtitle: 'Welcome back. Sign in to your workspace.',
      email: 'Email',
      emailPlaceholder: 'name@company.com',
      emailRequired: 'Enter your email',
      emailInvalid: 'This is not a valid email address',
      password: 'Password',
      passwordPlaceholder: 'Enter your password',
      passwordRequired: 'Enter your password',
      tenant: 'Organization',
      tenantOptional: '(optional)',
      tenantPlaceholder: 'e.g. demo',
      tenantHint: 'Needed if you belong to several organizations; the demo one is demo',
      submit: 'Sign in',
      heroTitle: 'Piece your business apps together',
      heroBody: 'Forms, approval flows, reports, dashboards and CRM on one self-hosted platform.',
      heroPoint1: 'Drag-and-drop forms and flows',
      heroPoint2: 'Permissions down to the field',
      heroPoint3: 'Self-hosted: your data stays yours',
      footer: '© {{year}} Tessera',
    },
    errors: {
      invalidCredentials: 'Incorrect email or password',
      tooManyAttempts: 'Too many attempts. Please try again later.',
      tooManyAttemptsRetry: 'Too many attempts. Try again in {{seconds}} s.',
      tooManyAttemptsRetryMinutes: 'Too many attempts. Try again in {{minutes}} min.',
      network: 'Cannot reach the server. Check your connection and try again.',
      generic: 'Sign-in failed: {{message}}',
    },
    logout: 'Log out',
    sessionExpired: 'Your session has expired. Please sign in again.',
  },
  shell: {
    sidebar: {
      apps: 'Apps',
      emptyTitle: 'No apps yet',
      emptyHint: 'Apps you create or install will appear here',
    },
    userMenu: {
      admin: 'Administrator',
      member: 'Member',
    },
  },
  home: {
    welcome: 'Welcome back, {{name}}',
    intro: 'This is the {{tenant}} workspace.',
    workspace: 'Workspace',
    tenantCode: 'Organization code',
    role: 'Your role',
    account: 'Signed in as',
    gettingStartedTitle: 'Getting started',
    gettingStartedBody:
      'Apps, forms and dashboards will appear here soon. The sidebar lists the apps you have access to.',
  },
  notFound: {
    title: 'Page not found',
    subtitle: 'The page you are looking for does not exist or has moved.',
  },
  errors: {
    crashTitle: 'Something went wrong',
    crashSubtitle: 'The page hit an unexpected error. You can reload it or go back home.',
    details: 'Error details',
  },
  designer: designerEnUS,
  reports: reportsEnUS,
  runtime: runtimeEnUS,
};
