package org.jianhu.eventstore.token;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitOrderTokenTest {

    private static final CommitOrderToken EARLIER_TX_HIGHER_INDEX = new CommitOrderToken(700, 90);
    private static final CommitOrderToken LATER_TX_LOWER_INDEX = new CommitOrderToken(701, 40);

    @Test
    void transactionOrderComesBeforeGlobalIndex() {
        assertThat(LATER_TX_LOWER_INDEX.covers(EARLIER_TX_HIGHER_INDEX)).isTrue();
        assertThat(EARLIER_TX_HIGHER_INDEX.covers(LATER_TX_LOWER_INDEX)).isFalse();
        assertThat(new CommitOrderToken(700, 91).covers(EARLIER_TX_HIGHER_INDEX)).isTrue();
    }

    @Test
    void boundsPickTheEarlierAndTheLaterPosition() {
        assertThat(LATER_TX_LOWER_INDEX.lowerBound(EARLIER_TX_HIGHER_INDEX)).isEqualTo(EARLIER_TX_HIGHER_INDEX);
        assertThat(EARLIER_TX_HIGHER_INDEX.upperBound(LATER_TX_LOWER_INDEX)).isEqualTo(LATER_TX_LOWER_INDEX);
    }

    @Test
    void everyTokenCoversItselfAndNothing() {
        assertThat(EARLIER_TX_HIGHER_INDEX.covers(new CommitOrderToken(700, 90))).isTrue();
        assertThat(EARLIER_TX_HIGHER_INDEX.samePositionAs(new CommitOrderToken(700, 90))).isTrue();
        assertThat(CommitOrderToken.BEFORE_ALL.covers(null)).isTrue();
        assertThat(CommitOrderToken.BEFORE_ALL.covers(EARLIER_TX_HIGHER_INDEX)).isFalse();
    }

    @Test
    void justBeforeIsTheImmediatePredecessorOfAnEvent() {
        CommitOrderToken before = CommitOrderToken.justBefore(700, 90);

        assertThat(before.covers(EARLIER_TX_HIGHER_INDEX)).isFalse();
        assertThat(before.covers(new CommitOrderToken(700, 89))).isTrue();
    }

    @Test
    void positionEstimatesByGlobalIndex() {
        assertThat(EARLIER_TX_HIGHER_INDEX.position()).hasValue(90);
    }

    @Test
    void tokensOfAnotherKindAreRefused() {
        TrackingToken stock = new GlobalSequenceTrackingToken(3);

        assertThatThrownBy(() -> EARLIER_TX_HIGHER_INDEX.covers(stock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EARLIER_TX_HIGHER_INDEX.upperBound(stock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesTheTokenStoresJacksonSerializer() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

        SerializedObject<byte[]> serialized = serializer.serialize(EARLIER_TX_HIGHER_INDEX, byte[].class);

        assertThat(new String(serialized.getData())).isEqualTo("{\"txId\":700,\"globalIndex\":90}");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(EARLIER_TX_HIGHER_INDEX);
    }

    @Test
    void replayTokenAroundItSurvivesJackson() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        TrackingToken replay = ReplayToken.createReplayToken(LATER_TX_LOWER_INDEX, EARLIER_TX_HIGHER_INDEX);

        TrackingToken restored = serializer.deserialize(serializer.serialize(replay, String.class));

        assertThat(restored).isEqualTo(replay);
        assertThat(ReplayToken.isReplay(restored)).isTrue();
        assertThat(ReplayToken.getTokenAtReset(restored)).hasValue(40);
    }

    @Test
    void replayEndsOncePastTheResetPosition() {
        TrackingToken replay = ReplayToken.createReplayToken(EARLIER_TX_HIGHER_INDEX, CommitOrderToken.BEFORE_ALL);

        TrackingToken stillReplaying = ((ReplayToken) replay).advancedTo(new CommitOrderToken(700, 90));
        TrackingToken done = ((ReplayToken) stillReplaying).advancedTo(LATER_TX_LOWER_INDEX);

        assertThat(ReplayToken.isReplay(stillReplaying)).isTrue();
        assertThat(done).isEqualTo(LATER_TX_LOWER_INDEX);
    }
}
