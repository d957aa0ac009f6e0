/** What the People list shows: the search text, and the status and group it is filtered to (none: everyone). */
import type { ChosenGroup } from './GroupFilter'

export interface PeopleView {
  search: string
  status: string | null
  group: ChosenGroup | null
}

export const allPeople: PeopleView = { search: '', status: null, group: null }
