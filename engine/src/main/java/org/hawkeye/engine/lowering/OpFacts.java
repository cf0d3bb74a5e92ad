package org.hawkeye.engine.lowering;

/** What a session knows about the tensors and decisions around an op, for the op's own properties. */
interface OpFacts {
    /** An op outside any session: nothing marked, nothing decided, no tensors. */
    OpFacts NONE = new OpFacts() {
        @Override
        public Tensor tensor(String name) {
            return null;
        }

        @Override
        public boolean isMarked(TensorMark mark, String tensor) {
            return false;
        }

        @Override
        public boolean isLowered(String opId) {
            return false;
        }

        @Override
        public java.util.List<String> readers(String tensor) {
            return java.util.List.of();
        }
    };

    Tensor tensor(String name);

    boolean isMarked(TensorMark mark, String tensor);

    boolean isLowered(String opId);

    /** The ids of the live ops that read the tensor (an op reading it twice is listed twice). */
    java.util.List<String> readers(String tensor);
}
