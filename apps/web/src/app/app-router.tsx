import { createBrowserRouter, Outlet } from 'react-router';
import { LoginPage } from '../auth/login-page';
import { RequireAuth } from '../auth/require-auth';
import { AppLayout } from './app-layout';
import { HomePage } from './home-page';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

/** Every route of the web app. Later issues add runtime, designer and admin routes under the layout. */
export const appRouter = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // runtime (lazy): the public form needs no sign-in and has its own page chrome
      {
        path: '/p/:token',
        lazy: async () => ({ Component: (await import('../runtime/public-form/public-form-page')).PublicFormPage }),
      },
      // form designer (lazy, full screen: its own toolbar instead of the shell)
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          {
            path: '/apps/:appId/forms/:formKey/design',
            lazy: async () => ({
              Component: (await import('../designers/form/form-designer-page')).FormDesignerPage,
            }),
          },
          // report designer (lazy, full screen)
          {
            path: '/apps/:appId/reports/new',
            lazy: async () => ({
              Component: (await import('../designers/report/report-designer-page')).ReportDesignerPage,
            }),
          },
          {
            path: '/reports/:key/design',
            lazy: async () => ({
              Component: (await import('../designers/report/report-designer-page')).ReportDesignerPage,
            }),
          },
        ],
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'forms/:formKey',
            lazy: async () => ({ Component: (await import('../runtime/views/table-view-page')).TableViewPage }),
          },
          {
            path: 'forms/:formKey/records/:recordId',
            lazy: async () => ({ Component: (await import('../runtime/record/record-page')).RecordPage }),
          },
          {
            path: 'dashboards/:key',
            lazy: async () => ({ Component: (await import('../runtime/dashboards/dashboard-page')).DashboardPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
