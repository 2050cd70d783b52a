import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import '../shared/zod-locale';
import {
  Alert,
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  MantineProvider,
  Modal,
  NavLink,
  Notification,
} from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './lib/api';
import { createAppRouter } from './router';

// System fonts only: nothing is fetched from outside the municipal network.
// Mantine's darkest orange (#d9480f) gives 4.3:1 on white and 3.96:1 on its light background
// (「未記録」, 「本人同意なし」): a darker one reads at 5.4:1 and 5:1.
const ORANGE: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#f76707',
  '#e8590c',
  '#b8440c',
];

const theme = createTheme({
  colors: { orange: ORANGE },
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily:
    "'BIZ UDPGothic', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', Meiryo, 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif",
  defaultRadius: 'sm',
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': '閉じる' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': '閉じる' } } }),
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
    Alert: Alert.extend({ defaultProps: { variant: 'light' } }),
  },
});

// Mantine's filled hover shade of teal (teal 8) gives white text 3.94:1 (the active menu item,
// checked chips): hover goes darker instead, at 6.5:1.
const darkerHover: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-teal-filled-hover': '#06684c',
    '--mantine-primary-color-filled-hover': '#06684c',
  },
  dark: {},
});

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
  mutationCache: new MutationCache({
    onError: (error) => {
      // An expired session during a save: back to the login page, keeping nothing in memory.
      if (error instanceof ApiError && error.status === 401) {
        queryClient.clear();
        void router.navigate({ to: '/login' });
      }
    },
  }),
});
const router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={darkerHover}>
      <ModalsProvider labels={{ confirm: 'OK', cancel: 'キャンセル' }}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
