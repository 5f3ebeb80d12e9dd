import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo/client';
import { createAppRouter } from './app/router';
import { createLanguageStore, I18nProvider } from './i18n';
import './styles.css';

const languageStore = createLanguageStore();
const client = createApolloClient({ getLanguage: languageStore.get });
const router = createAppRouter(client);

// Texts the server writes (risk messages, chart labels) follow Accept-Language: fetch them again.
languageStore.subscribe(() => {
  client.refetchQueries({ include: 'active' }).catch(() => undefined);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <I18nProvider store={languageStore}>
        <RouterProvider router={router} />
      </I18nProvider>
    </ApolloProvider>
  </StrictMode>,
);
