import Foundation
import Testing
import RoutingCore
@testable import Tensor

/// Cross-checks of ``Checkpoint`` files against numpy and the Python `safetensors` package, so that
/// PyTorch/numpy code can read our weights and we can read theirs.
@Suite struct CheckpointInteropTests {
    /// Python that parses a safetensors file by hand (json + numpy.frombuffer) and, if installed, with the
    /// `safetensors` package; prints each tensor's shape, bit patterns and float64 sum plus the metadata.
    static let readerScript = """
        import json, struct, sys
        import numpy as np
        path = sys.argv[1]
        raw = open(path, "rb").read()
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8:8 + n].decode("utf-8"))
        data = raw[8 + n:]
        metadata = header.pop("__metadata__", {})
        out = {"metadata": metadata, "tensors": {}, "library": None}
        manual = {}
        for name, entry in header.items():
            assert entry["dtype"] == "F32"
            begin, end = entry["data_offsets"]
            array = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
            manual[name] = array
            total = float(array.astype(np.float64).sum())
            out["tensors"][name] = {"shape": list(array.shape), "bits": array.view("<u4").ravel().tolist(),
                                    "sum": total if np.isfinite(total) else None}
        try:
            from safetensors.numpy import load_file
            from safetensors import safe_open
        except ImportError:
            pass
        else:
            loaded = load_file(path)
            with safe_open(path, framework="np") as handle:
                library_metadata = handle.metadata() or {}
            same = set(loaded) == set(manual) and all(
                loaded[k].shape == manual[k].shape and np.array_equal(loaded[k].view("<u4"), manual[k].view("<u4"))
                for k in loaded)
            out["library"] = bool(same and library_metadata == metadata)
        print(json.dumps(out))
        """

    /// Python that writes a safetensors file: with the `safetensors` package when `sys.argv[2]` is "library",
    /// otherwise by hand as the format describes.
    static let writerScript = """
        import json, struct, sys
        import numpy as np
        path, how = sys.argv[1], sys.argv[2]
        tensors = {"encoder.weight": (np.arange(12, dtype=np.float32).reshape(3, 4) - 5.5) / 3,
                   "bias": np.array([1e-3, -2.0, np.inf], dtype=np.float32),
                   "scalar": np.array(7.25, dtype=np.float32)}
        metadata = {"step": "5", "config": json.dumps({"embedding": 128})}
        if how == "library":
            from safetensors.numpy import save_file
            save_file(tensors, path, metadata=metadata)
        else:
            header, blobs, offset = {"__metadata__": metadata}, [], 0
            for name in sorted(tensors):
                blob = tensors[name].astype("<f4").tobytes()
                header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(blob)]}
                blobs.append(blob)
                offset += len(blob)
            text = json.dumps(header).encode("utf-8")
            text += b" " * (-len(text) % 8)
            open(path, "wb").write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
        """

    struct PythonView: Decodable {
        struct Entry: Decodable {
            let shape: [Int]
            let bits: [UInt32]
            let sum: Double?
        }
        let metadata: [String: String]
        let tensors: [String: Entry]
        let library: Bool?
    }

    /// Writes `tensors` and `metadata` and returns what the Python reader saw.
    private func readBackInPython(_ tensors: [String: Tensor], metadata: [String: String]) throws -> PythonView {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("swift.safetensors")
        try Checkpoint.write(tensors: tensors, metadata: metadata, to: path)
        let output = try PythonRunner.run(Self.readerScript, arguments: [path])
        return try JSONDecoder().decode(PythonView.self, from: Data(output.utf8))
    }

    /// numpy, parsing the header with `json` and the data with `frombuffer`, sees our exact bits, shapes,
    /// sums and metadata.
    @Test(.enabled(if: PythonRunner.hasNumpy, "skipped: python3 with numpy is not available"))
    func numpyReadsOurFiles() throws {
        var rng = SeededGenerator(seed: 3)
        let tensors = ["layer.weight": Tensor.normal([4, 6], using: &rng), "layer.bias": Tensor([0.5, -0.25], shape: [2]),
                       "scalar": Tensor([3], shape: []), "empty": Tensor(zeros: [2, 0])]
        let metadata = ["config": #"{"heads": 8}"#, "step": "12"]
        let view = try readBackInPython(tensors, metadata: metadata)
        #expect(view.metadata == metadata)
        #expect(Set(view.tensors.keys) == Set(tensors.keys))
        for (name, tensor) in tensors {
            let entry = try #require(view.tensors[name])
            #expect(entry.shape == tensor.shape)
            #expect(entry.bits == tensor.scalars.map(\.bitPattern))
            let sum = tensor.scalars.reduce(0.0) { $0 + Double($1) }
            #expect(abs(try #require(entry.sum) - sum) <= 1e-9 * max(1, abs(sum)))
        }
    }

    /// The `safetensors` Python package loads our files with the same tensors and metadata as the manual reader.
    @Test(.enabled(if: PythonRunner.hasSafetensors, "skipped: the safetensors Python package is not installed"))
    func safetensorsPackageReadsOurFiles() throws {
        let view = try readBackInPython(CheckpointTests.sampleTensors(), metadata: ["step": "1", "note": "a \"b\"\n"])
        #expect(view.library == true)
    }

    /// A file written by hand with numpy (json header + `tobytes`) reads back exactly.
    @Test(.enabled(if: PythonRunner.hasNumpy, "skipped: python3 with numpy is not available"))
    func weReadNumpyWrittenFiles() throws {
        try checkPythonWrittenFile(writer: "manual")
    }

    /// A file written by the `safetensors` package's `save_file` reads back exactly.
    @Test(.enabled(if: PythonRunner.hasSafetensors, "skipped: the safetensors Python package is not installed"))
    func weReadSafetensorsPackageFiles() throws {
        try checkPythonWrittenFile(writer: "library")
    }

    private func checkPythonWrittenFile(writer: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("python.safetensors")
        _ = try PythonRunner.run(Self.writerScript, arguments: [path, writer])
        let checkpoint = try Checkpoint.read(from: path)
        #expect(checkpoint.metadata == ["step": "5", "config": #"{"embedding": 128}"#])
        #expect(checkpoint.tensors["encoder.weight"]?.shape == [3, 4])
        #expect(checkpoint.tensors["encoder.weight"]?.scalars == (0..<12).map { (Float($0) - 5.5) / 3 })
        #expect(checkpoint.tensors["bias"]?.scalars == [1e-3, -2, .infinity])
        #expect(checkpoint.tensors["scalar"]?.shape == [])
        #expect(checkpoint.tensors["scalar"]?.scalars == [7.25])
    }
}
