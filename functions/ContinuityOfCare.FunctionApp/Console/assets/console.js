// Initialises GOV.UK Frontend and MoJ Frontend on the console's pages. An external module because the console's
// Content-Security-Policy allows no inline script: this also sets the classes GOV.UK Frontend's page template sets
// with its inline snippet. Browsers without module support never run it, and every page works without it.
import { initAll as initGovUk } from './govuk-frontend.min.js'
import { initAll as initMoj } from './moj-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initGovUk()
initMoj()
