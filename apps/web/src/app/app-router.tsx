import { createBrowserRouter } from 'react-router';
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
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
