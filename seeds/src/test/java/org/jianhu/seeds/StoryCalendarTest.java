package org.jianhu.seeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StoryCalendarTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyIsoDateOfABodyMovesByTheDaysSinceTheStoryWasDesignedAndNothingElse() throws Exception {
        StoryCalendar calendar = StoryCalendar.endingOn(LocalDate.of(2027, 1, 6), LocalDate.of(2026, 11, 27));

        var moved = calendar.move(JSON.readTree("""
                {"date": "2025-06-30", "period": {"startDate": "2025-12-31", "endDate": "2026-02-28"},
                 "dates": ["2024-02-28"], "code": "NB-2025-001", "document": "甬发改〔2025-02-18〕",
                 "value": {"amount": "2025.01", "currency": "CNY"}, "physicalProgress": 20}"""));

        assertThat(calendar.shiftDays()).isEqualTo(40);
        assertThat(moved).isEqualTo(JSON.readTree("""
                {"date": "2025-08-09", "period": {"startDate": "2026-02-09", "endDate": "2026-04-09"},
                 "dates": ["2024-04-08"], "code": "NB-2025-001", "document": "甬发改〔2025-02-18〕",
                 "value": {"amount": "2025.01", "currency": "CNY"}, "physicalProgress": 20}"""));
    }

    @Test
    void anAwardIsSignedOnItsDayMovedWithTheStoryAndItsSupplierStaysAsItIs() throws Exception {
        StoryCalendar calendar = new StoryCalendar(8);

        var moved = calendar.move(JSON.readTree("""
                {"id": "C1", "supplier": {"id": "CN-USCC-91330212704023147P", "name": "宁波市鄞州市政道路工程有限公司"},
                 "contractPeriod": {"startDate": "2026-04-01", "endDate": "2026-10-15"}, "dateSigned": "2026-03-20"}"""));

        assertThat(moved.get("dateSigned").asText()).isEqualTo("2026-03-28");
        assertThat(moved.at("/contractPeriod/startDate").asText()).isEqualTo("2026-04-09");
        assertThat(moved.get("supplier")).isEqualTo(JSON.readTree(
                "{\"id\": \"CN-USCC-91330212704023147P\", \"name\": \"宁波市鄞州市政道路工程有限公司\"}"));
    }

    @Test
    void onTheDayItWasDesignedForTheStoryIsLoadedAsWritten() throws Exception {
        var body = JSON.readTree("{\"date\": \"2025-06-30\"}");

        assertThat(StoryCalendar.endingOn(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27)).move(body))
                .isSameAs(body);
    }

    @Test
    void theCalendarOfAnEarlierLoadIsReadOffARecordedDate() {
        assertThat(StoryCalendar.recordedAs(LocalDate.of(2025, 1, 11), LocalDate.of(2025, 1, 1)).shiftDays())
                .isEqualTo(10);
    }
}
