import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { FeedsPage } from './feeds-page';

/** The plugin's pages under /admin/plugins/community; only editors who may read feed health get in. */
export default function App() {
  return (
    <Page.Protect permissions={PERMISSIONS.read}>
      <Routes>
        <Route index element={<FeedsPage />} />
      </Routes>
    </Page.Protect>
  );
}
