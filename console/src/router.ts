import { createRouter, createWebHashHistory } from 'vue-router'
import { session } from './session/session'
import { landingFor, screensFor, type Screen } from './navigation'
import SignIn from './signin/SignIn.vue'
import PortfolioBoard from './portfolio/PortfolioBoard.vue'
import ProjectPage from './project/ProjectPage.vue'
import AlertInbox from './alerts/AlertInbox.vue'
import RecordPage from './record/RecordPage.vue'
import AuditLog from './audit/AuditLog.vue'
import AdminPage from './admin/AdminPage.vue'

// Hash routes: the gateway serves one index.html at / and never has to know the console's paths.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: () => (session.value ? `/${landingFor(session.value.user.role)}` : '/signin') },
    { path: '/signin', name: 'signin', component: SignIn, meta: { open: true } },
    { path: '/portfolio', name: 'portfolio', component: PortfolioBoard, meta: { screen: 'portfolio' } },
    { path: '/projects/:id', name: 'project', component: ProjectPage, props: true },
    { path: '/alerts', name: 'alerts', component: AlertInbox, meta: { screen: 'alerts' } },
    { path: '/record', name: 'record', component: RecordPage, meta: { screen: 'record' } },
    { path: '/audit', name: 'audit', component: AuditLog, meta: { screen: 'audit' } },
    { path: '/admin', name: 'admin', component: AdminPage, meta: { screen: 'admin' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (to.meta.open) {
    return true
  }
  if (session.value === null) {
    return { name: 'signin' }
  }
  const screen = to.meta.screen as Screen | undefined
  if (screen !== undefined && !screensFor(session.value.user.role).includes(screen)) {
    return `/${landingFor(session.value.user.role)}`
  }
  return true
})
