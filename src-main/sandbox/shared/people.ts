/**
 * Realistic, deterministic people for the sandboxes: names, job titles, departments, phone numbers.
 * Person n of a seed is the same in every sandbox, so the Halo, Okta and Entra sandboxes can describe
 * the same company and overlap the way real directories do.
 */
import { SeededRandom, stableGuid } from './prng'

/** The seed every demo sandbox describes the company with (Halo, Okta, Entra). */
export const demoSeed = 20_261_122

/** Person `index`'s Entra object id: the Entra sandbox's user id, and what Halo's demo users synced from Entra carry. */
export function entraObjectId(seed: number, index: number): string {
  return stableGuid(seed, 1, index)
}

const firstNames = [
  'Olivia', 'Liam', 'Amelia', 'Noah', 'Isla', 'Oliver', 'Ava', 'George', 'Mia', 'Arthur', 'Sophia', 'Leo',
  'Grace', 'Harry', 'Freya', 'Oscar', 'Lily', 'Muhammad', 'Emily', 'Theodore', 'Ella', 'Jack', 'Ivy', 'Charlie',
  'Florence', 'Henry', 'Willow', 'Thomas', 'Evie', 'William', 'Priya', 'Arjun', 'Chloe', 'Ethan', 'Zara', 'Mateo',
  'Hannah', 'Lucas', 'Aisha', 'Samuel', 'Nadia', 'Daniel', 'Ingrid', 'Jonas', 'Sofia', 'Luca', 'Mei', 'Kenji',
  'Fatima', 'Omar', 'Chiara', 'Pierre', 'Anouk', 'Siobhan', 'Ciarán', 'Zoë', 'José', 'Björn', 'Małgorzata', 'Rhys'
]
const surnames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood',
  'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Khan', 'Singh', 'Nguyen', 'Kowalski',
  'Müller', 'Rossi', 'García', "O'Brien", 'MacDonald', 'Andersson', 'Okafor', 'Mensah', 'Tanaka', 'Kim', 'Chen',
  'Dubois', 'van der Berg', 'Fernández', 'Novak', 'Lindqvist', 'Byrne', 'Ahmed', 'Moreau', 'Schmidt', 'Costa', 'Ali'
]

export const departments = ['Finance', 'Human Resources', 'IT', 'Sales', 'Marketing', 'Operations', 'Legal', 'Customer Service', 'Engineering', 'Facilities'] as const

const titlesByDepartment: Record<(typeof departments)[number], readonly string[]> = {
  Finance: ['Accountant', 'Finance Manager', 'Payroll Specialist', 'Financial Analyst'],
  'Human Resources': ['HR Advisor', 'HR Business Partner', 'Recruiter', 'Head of People'],
  IT: ['Service Desk Analyst', 'Systems Administrator', 'Network Engineer', 'IT Manager'],
  Sales: ['Account Executive', 'Sales Manager', 'Business Development Rep', 'Sales Operations Analyst'],
  Marketing: ['Marketing Executive', 'Content Writer', 'Brand Manager', 'Digital Marketing Lead'],
  Operations: ['Operations Coordinator', 'Operations Manager', 'Logistics Planner', 'Warehouse Supervisor'],
  Legal: ['Paralegal', 'Legal Counsel', 'Compliance Officer', 'Contracts Manager'],
  'Customer Service': ['Customer Service Advisor', 'Team Leader', 'Complaints Handler', 'Customer Success Manager'],
  Engineering: ['Software Engineer', 'QA Engineer', 'Engineering Manager', 'Site Reliability Engineer'],
  Facilities: ['Facilities Coordinator', 'Receptionist', 'Facilities Manager', 'Security Officer']
}

export interface Person {
  index: number
  firstName: string
  lastName: string
  displayName: string
  /** Lower-case, ASCII, unique within a seed: firstname.lastname[n]. */
  login: string
  department: (typeof departments)[number]
  jobTitle: string
  mobile: string
  phone: string
  employeeNumber: string
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()
}

/** Person `index` (0-based) of the company generated from `seed`; independent of other indexes. */
export function personAt(seed: number, index: number): Person {
  const random = new SeededRandom((seed * 2654435761 + index * 40503 + 17) >>> 0)
  const firstName = random.pick(firstNames)
  const lastName = random.pick(surnames)
  const department = random.pick(departments)
  // The index makes logins unique without a lookup of everyone generated before.
  const login = `${ascii(firstName)}.${ascii(lastName)}${index < 500 ? '' : index}`
  return {
    index,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    login: index < 500 ? uniqueSmallLogin(seed, index, login) : login,
    department,
    jobTitle: random.pick(titlesByDepartment[department]),
    mobile: `+44 7${random.int(100, 999)} ${random.int(100000, 999999)}`,
    phone: `+44 20 7${random.int(100, 999)} ${random.int(1000, 9999)}`,
    employeeNumber: `E${String(10000 + index).padStart(6, '0')}`
  }
}

/** Small companies get clean logins; a repeated name gets a number, as directories do (jane.smith2). */
function uniqueSmallLogin(seed: number, index: number, login: string): string {
  let seen = 0
  for (let earlier = 0; earlier < index; earlier += 1) {
    const other = new SeededRandom((seed * 2654435761 + earlier * 40503 + 17) >>> 0)
    const candidate = `${ascii(other.pick(firstNames))}.${ascii(other.pick(surnames))}`
    if (candidate === login) seen += 1
  }
  return seen === 0 ? login : `${login}${seen + 1}`
}
