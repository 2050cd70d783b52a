import { useParams } from '@tanstack/react-router';
import { IssuePage } from './issues/IssuePage';
import { ProjectPage } from './projects/ProjectPage';

export function IssuePageRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <IssuePage key={id} id={id} />;
}

export function ProjectPageRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ProjectPage key={id} id={id} />;
}
