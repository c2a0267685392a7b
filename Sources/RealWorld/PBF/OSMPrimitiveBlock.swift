/// One decoded `PrimitiveBlock` of an `.osm.pbf` file: its string table, coordinate granularity and offsets, and
/// its primitive groups, from which nodes (plain and dense) and ways are read. Relations are skipped.
///
/// Coordinates follow the format: `latitude = 10⁻⁹ · (lat_offset + granularity · lat)`, the same for longitude.
struct OSMPrimitiveBlock {
    private let bytes: [UInt8]
    private var strings: [String] = []
    private var groups: [Range<Int>] = []
    private var granularity: Double = 100
    private var latitudeOffset: Double = 0
    private var longitudeOffset: Double = 0

    /// Reads the block's header fields and locates its groups.
    init(_ bytes: [UInt8]) throws(PBFDecodingError) {
        self.bytes = bytes
        var block = ProtobufReader(bytes)
        while let field = try block.nextField() {
            switch (field.number, field.type) {
            case (1, .lengthDelimited):
                var table = try block.message()
                while let entry = try table.nextField() {
                    if entry.number == 1, entry.type == .lengthDelimited {
                        strings.append(try table.string())
                    } else {
                        try table.skip(entry.type)
                    }
                }
            case (2, .lengthDelimited): groups.append(try block.lengthDelimited())
            case (17, .varint): granularity = Double(try block.varint())
            case (19, .varint): latitudeOffset = Double(Int64(bitPattern: try block.varint()))
            case (20, .varint): longitudeOffset = Double(Int64(bitPattern: try block.varint()))
            default: try block.skip(field.type)
            }
        }
    }

    /// Calls `node` for each node and `way` for each way in the block.
    func decode(node: (Int64, Double, Double) -> Void, way: (OSMWay) -> Void) throws(PBFDecodingError) {
        for range in groups {
            var group = ProtobufReader(bytes, range: range)
            while let field = try group.nextField() {
                switch (field.number, field.type) {
                case (1, .lengthDelimited): try decodeNode(try group.message(), node)
                case (2, .lengthDelimited): try decodeDenseNodes(try group.message(), node)
                case (3, .lengthDelimited): way(try decodeWay(try group.message()))
                default: try group.skip(field.type)
                }
            }
        }
    }

    private func degrees(_ raw: Int64, offset: Double) -> Double {
        (offset + granularity * Double(raw)) * 1e-9
    }

    private func decodeNode(_ message: ProtobufReader, _ node: (Int64, Double, Double) -> Void) throws(PBFDecodingError) {
        var message = message
        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
        while let field = try message.nextField() {
            switch (field.number, field.type) {
            case (1, .varint): id = ProtobufReader.zigZag(try message.varint())
            case (8, .varint): lat = ProtobufReader.zigZag(try message.varint())
            case (9, .varint): lon = ProtobufReader.zigZag(try message.varint())
            default: try message.skip(field.type)
            }
        }
        node(id, degrees(lon, offset: longitudeOffset), degrees(lat, offset: latitudeOffset))
    }

    /// Dense nodes: ids, latitudes and longitudes are delta-coded packed `sint64` arrays of equal length.
    private func decodeDenseNodes(_ message: ProtobufReader, _ node: (Int64, Double, Double) -> Void) throws(PBFDecodingError) {
        var message = message
        var ids = [Int64](), lats = [Int64](), lons = [Int64]()
        while let field = try message.nextField() {
            switch field.number {
            case 1: ids += try message.packedSignedVarints(field.type)
            case 8: lats += try message.packedSignedVarints(field.type)
            case 9: lons += try message.packedSignedVarints(field.type)
            default: try message.skip(field.type)
            }
        }
        guard ids.count == lats.count, ids.count == lons.count else {
            throw PBFDecodingError("dense nodes with \(ids.count) ids, \(lats.count) latitudes, \(lons.count) longitudes")
        }
        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
        for index in ids.indices {
            id &+= ids[index]
            lat &+= lats[index]
            lon &+= lons[index]
            node(id, degrees(lon, offset: longitudeOffset), degrees(lat, offset: latitudeOffset))
        }
    }

    private func decodeWay(_ message: ProtobufReader) throws(PBFDecodingError) -> OSMWay {
        var message = message
        var id: Int64 = 0
        var keys = [UInt64](), values = [UInt64](), refs = [Int64]()
        while let field = try message.nextField() {
            switch (field.number, field.type) {
            case (1, .varint): id = Int64(bitPattern: try message.varint())
            case (2, _): keys += try message.packedVarints(field.type)
            case (3, _): values += try message.packedVarints(field.type)
            case (8, _): refs += try message.packedSignedVarints(field.type)
            default: try message.skip(field.type)
            }
        }
        guard keys.count == values.count else {
            throw PBFDecodingError("way \(id) has \(keys.count) tag keys but \(values.count) values")
        }
        var tags = [String: String](minimumCapacity: keys.count)
        for (key, value) in zip(keys, values) {
            guard key < strings.count, value < strings.count else {
                throw PBFDecodingError("way \(id) refers to string \(max(key, value)) of a table of \(strings.count)")
            }
            tags[strings[Int(key)]] = strings[Int(value)]
        }
        var node: Int64 = 0
        let nodes = refs.map { delta in
            node &+= delta
            return node
        }
        return OSMWay(id: id, tags: tags, nodes: nodes)
    }
}
