package org.hawkeye.engine.cost;

import java.math.BigInteger;

/** One pool's stock: the pool's name, the index of the party owning it (-1 when traffic is not split), its instance. */
public record PoolKey(String pool, int party, BigInteger instance) {
}
