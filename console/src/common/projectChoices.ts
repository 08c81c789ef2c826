import { api, must } from '../api/client'
import type { ListedProject } from '../api/types'
import { appended, pageQuery, pager, type Page, type Pager } from '../api/paging'

/** How many projects a form's choice of project offers at first; more come on asking. */
export const PROJECT_CHOICES = 200

/** The register of the projects the user may read, by code, a page at a time: the choices of a form's project. */
export function projectChoices(): Pager<ListedProject> {
  return pager<ListedProject>(
    (after) => must<Page<ListedProject>>(api.GET('/api/projects', { params: { query: pageQuery({}, PROJECT_CHOICES, after) } })),
    (shown, more) => appended(shown, more, (project) => project.projectId ?? ''))
}
