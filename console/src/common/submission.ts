import { reactive, ref, watch, type Ref } from 'vue'
import { api, idempotencyKey, must } from '../api/client'
import { ApiProblem } from '../api/problem'
import { errorsAtFields, errorsElsewhere, requestOf, type FactForm } from '../record/forms'

/**
 * Sending one form: its values, the API's field errors at the fields, its other refusals in words, and one
 * Idempotency-Key per entry — a double click or a retry of the same values records once; any change takes a new key.
 */
export function useSubmission(form: Ref<FactForm>, urlOf: (path: string) => string) {
  const values = reactive<Record<string, string>>({})
  const fieldErrors = ref<Record<string, string>>({})
  const otherErrors = ref<string[]>([])
  const refusal = ref<unknown>(null)
  const sending = ref(false)
  const answer = ref<Record<string, unknown> | null>(null)
  let key = idempotencyKey()

  watch(values, () => {
    key = idempotencyKey()
  }, { deep: true })

  function reset() {
    fieldErrors.value = {}
    otherErrors.value = []
    refusal.value = null
    answer.value = null
  }

  function clear() {
    Object.keys(values).forEach((name) => delete values[name])
    reset()
  }

  async function submit(): Promise<boolean> {
    if (sending.value) {
      return false
    }
    sending.value = true
    reset()
    const { path, body } = requestOf(form.value, values)
    try {
      answer.value = await must<Record<string, unknown>>(api.POST(urlOf(path) as '/api/projects', {
        body: body as never,
        headers: { 'Idempotency-Key': key },
      }))
      Object.keys(values).forEach((name) => delete values[name])
      return true
    } catch (error) {
      refusal.value = error
      if (error instanceof ApiProblem) {
        fieldErrors.value = errorsAtFields(form.value, error.fieldErrors())
        otherErrors.value = errorsElsewhere(form.value, error.fieldErrors())
      }
      return false
    } finally {
      sending.value = false
    }
  }

  return { values, fieldErrors, otherErrors, refusal, sending, answer, submit, clear }
}
