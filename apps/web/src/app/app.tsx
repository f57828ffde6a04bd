import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from '../auth/auth-context';
import { AppErrorBoundary } from './app-error-boundary';
import { appRouter } from './app-router';
import { LocaleProvider } from './locale-provider';

export function App() {
  return (
    <LocaleProvider>
      <AppErrorBoundary>
        <AuthProvider>
          <RouterProvider router={appRouter} />
        </AuthProvider>
      </AppErrorBoundary>
    </LocaleProvider>
  );
}
