import { useParams } from '@tanstack/react-router';
import { ResourcePage } from './ResourcePage';
import { SupportPage } from './SupportPage';

export function ResourcePageRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ResourcePage key={id} id={id} />;
}

export function SupportPageRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <SupportPage key={id} id={id} />;
}
