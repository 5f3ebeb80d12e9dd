import type { PreloadQueryFunction } from '@apollo/client/react';
import { useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ProjectsTabDocument } from '../../../apollo/generated';
import '../forms/dossier-tab.css';
import { ProjectCard } from './ProjectCard';

export function preloadProjectsTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(ProjectsTabDocument, { variables: { customerId } });
}

/** Project sales record (项目销售记录档案): each project, its stage and its event log. */
export function ProjectsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(ProjectsTabDocument, { variables: { customerId } });
  const projects = data.customer?.projects;
  if (!projects) return null;

  return (
    <section className="dossier-tab" aria-labelledby="projects-heading">
      <header className="dossier-tab__header">
        <h2 id="projects-heading">{t('projects.heading')}</h2>
        <span className="muted">
          {t('projects.count', { shown: projects.nodes.length, all: projects.totalCount })}
        </span>
      </header>
      {projects.nodes.length === 0 ? (
        <p className="muted">{t('projects.empty')}</p>
      ) : (
        projects.nodes.map((project) => (
          <ProjectCard key={project.id} project={project} customerId={customerId} />
        ))
      )}
    </section>
  );
}
