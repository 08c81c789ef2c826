import { describe, expect, it } from 'vitest'
import { catalogues, translate } from './i18n'
import { FORMS } from '../record/forms'
import { APPROVAL, REGISTER, SUPERVISORS } from '../admin/adminForms'

describe('the message catalogues', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues['zh-CN']).sort())
    for (const catalogue of Object.values(catalogues)) {
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([])
    }
  })

  it('name every field of every form, and every choice it offers', () => {
    for (const form of [...FORMS, REGISTER, SUPERVISORS, APPROVAL]) {
      for (const field of form.fields) {
        expect(catalogues['zh-CN']).toHaveProperty([`record.field.${field.path}`])
        for (const choice of field.choices ?? []) {
          expect(catalogues['zh-CN']).toHaveProperty([`code.${choice}`])
        }
      }
      if (FORMS.includes(form)) {
        expect(catalogues['zh-CN']).toHaveProperty([`record.form.${form.id}`])
      }
    }
  })

  it('fill in placeholders as text', () => {
    expect(translate('en', 'portfolio.count', { shown: 3, all: 12 })).toBe('3 of 12 projects shown')
    expect(translate('zh-CN', 'portfolio.count', { shown: '<b>', all: 1 })).toBe('显示 <b> / 1 个项目')
  })
})
