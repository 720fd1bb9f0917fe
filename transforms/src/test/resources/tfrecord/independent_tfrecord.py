#!/usr/bin/env python3
"""An independent seed-schema TFRecord writer and reader, in pure Python 3 standard library.

No tensorflow, no protobuf package: the tf.train.Example wire format and TFRecord framing
(CRC32C with TensorFlow's mask) are hand-coded here from their specifications, so that the Java
codec is checked against code that shares nothing with it.

  write OUT --count N --height H --width W [--prefix P] [--order seed|sorted]
      Writes N records. Record k (from 0) is named P + k (3 digits); its pixels are
      ((r*31 + c*17 + k*1009) % 4096) - 512 as int64 little-endian, and its label is 1 inside the
      disc (r - H//2)^2 + (c - W//2 - k)^2 <= (min(H, W)//4)^2, else 0.
      --order seed writes the features map in the seed's insertion order (height, width, depth,
      name, image_raw, label_raw); --order sorted writes them sorted by key, as protobuf's
      deterministic serialization does.
  summary FILE
      Prints a JSON summary: per record name, height, width, depth, pixel_sum, pixel_min,
      pixel_max, label_count; per bad record its index and reason.
"""
import argparse
import json
import struct
import sys

# ---------------------------------------------------------------- CRC32C (Castagnoli), reflected
_POLY = 0x82F63B78
_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ _POLY if _c & 1 else _c >> 1
    _TABLE.append(_c)


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame(data):
    length = struct.pack('<Q', len(data))
    return length + struct.pack('<I', masked_crc(length)) + data + struct.pack('<I', masked_crc(data))


# ---------------------------------------------------------------- protobuf wire format
def varint(value):
    value &= 0xFFFFFFFFFFFFFFFF  # int64 as two's complement: negatives take 10 bytes
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def length_delimited(field, payload):
    return varint((field << 3) | 2) + varint(len(payload)) + payload


def int64_feature(value):
    # Feature.int64_list = 3; Int64List.value = 1, packed.
    return length_delimited(3, length_delimited(1, varint(value)))


def bytes_feature(value):
    # Feature.bytes_list = 1; BytesList.value = 1.
    return length_delimited(1, length_delimited(1, value))


def example(features):
    """features: list of (key, encoded Feature) in the order to write them."""
    entries = b''.join(
        length_delimited(1, length_delimited(1, key.encode('utf-8')) + length_delimited(2, feature))
        for key, feature in features)
    return length_delimited(1, entries)  # Example.features = 1; Features.feature = 1 (map)


def seed_record(k, height, width, prefix, order):
    pixels = [((r * 31 + c * 17 + k * 1009) % 4096) - 512 for r in range(height) for c in range(width)]
    radius = min(height, width) // 4
    labels = [1 if (r - height // 2) ** 2 + (c - width // 2 - k) ** 2 <= radius ** 2 else 0
              for r in range(height) for c in range(width)]
    features = [
        ('height', int64_feature(height)),
        ('width', int64_feature(width)),
        ('depth', int64_feature(1)),
        ('name', bytes_feature(('%s%03d' % (prefix, k)).encode('utf-8'))),
        ('image_raw', bytes_feature(struct.pack('<%dq' % len(pixels), *pixels))),
        ('label_raw', bytes_feature(bytes(labels))),
    ]
    if order == 'sorted':
        features.sort(key=lambda kv: kv[0])
    return example(features)


# ---------------------------------------------------------------- reading
class Bad(Exception):
    pass


def read_varint(buf, pos):
    result = 0
    shift = 0
    while True:
        if pos >= len(buf):
            raise Bad('truncated varint')
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise Bad('varint too long')


def fields(buf):
    """Yields (field number, wire type, value) for every field of a message."""
    pos = 0
    while pos < len(buf):
        key, pos = read_varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = read_varint(buf, pos)
        elif wire == 1:
            value, pos = buf[pos:pos + 8], pos + 8
        elif wire == 2:
            size, pos = read_varint(buf, pos)
            if pos + size > len(buf):
                raise Bad('truncated length-delimited field')
            value, pos = buf[pos:pos + size], pos + size
        elif wire == 5:
            value, pos = buf[pos:pos + 4], pos + 4
        else:
            raise Bad('unsupported wire type %d' % wire)
        yield number, wire, value


def signed64(value):
    return value - (1 << 64) if value >= 1 << 63 else value


def parse_feature(buf):
    kind, values = None, []
    for number, wire, value in fields(buf):
        if number == 1 and wire == 2:
            kind, values = 'bytes', [v for n, w, v in fields(value) if n == 1 and w == 2]
        elif number == 3 and wire == 2:
            kind, values = 'int64', []
            for n, w, v in fields(value):
                if n == 1 and w == 2:  # packed
                    pos = 0
                    while pos < len(v):
                        item, pos = read_varint(v, pos)
                        values.append(signed64(item))
                elif n == 1 and w == 0:
                    values.append(signed64(v))
        elif number == 2:
            kind, values = 'float', []
    return kind, values


def parse_example(buf):
    features = {}
    for number, wire, value in fields(buf):
        if number != 1 or wire != 2:
            continue
        for n, w, entry in fields(value):
            if n != 1 or w != 2:
                continue
            key, feature = '', b''
            for en, ew, ev in fields(entry):
                if en == 1:
                    key = ev.decode('utf-8')
                elif en == 2:
                    feature = ev
            features[key] = parse_feature(feature)
    return features


def one(features, key, kind):
    if key not in features:
        raise Bad('missing feature %r' % key)
    actual, values = features[key]
    if actual != kind or len(values) != 1:
        raise Bad('feature %r is not one %s value' % (key, kind))
    return values[0]


def summarize_record(data):
    features = parse_example(data)
    height, width = one(features, 'height', 'int64'), one(features, 'width', 'int64')
    depth = one(features, 'depth', 'int64')
    name = one(features, 'name', 'bytes').decode('utf-8')
    image_raw, label_raw = one(features, 'image_raw', 'bytes'), one(features, 'label_raw', 'bytes')
    if height <= 0 or width <= 0 or depth != 1:
        raise Bad('bad dimensions %d x %d x %d' % (height, width, depth))
    if len(image_raw) != height * width * 8 or len(label_raw) != height * width:
        raise Bad('raw sizes do not match %d x %d' % (height, width))
    if any(v not in (0, 1) for v in label_raw):
        raise Bad('label values other than 0/1')
    pixels = struct.unpack('<%dq' % (height * width), image_raw)
    return {'name': name, 'height': height, 'width': width, 'depth': depth,
            'pixel_sum': sum(pixels), 'pixel_min': min(pixels), 'pixel_max': max(pixels),
            'label_count': sum(label_raw)}


def summarize(path):
    with open(path, 'rb') as f:
        content = f.read()
    records, errors, pos, index = [], [], 0, 0
    while pos < len(content):
        header = content[pos:pos + 12]
        if len(header) < 12:
            errors.append({'index': index, 'reason': 'truncated header'})
            break
        (length,), (length_crc,) = struct.unpack('<Q', header[:8]), struct.unpack('<I', header[8:])
        if masked_crc(header[:8]) != length_crc:
            errors.append({'index': index, 'reason': 'length crc mismatch'})
            break
        data = content[pos + 12:pos + 12 + length]
        footer = content[pos + 12 + length:pos + 16 + length]
        if len(data) < length or len(footer) < 4:
            errors.append({'index': index, 'reason': 'truncated record'})
            break
        pos += 16 + length
        if struct.unpack('<I', footer)[0] != masked_crc(data):
            errors.append({'index': index, 'reason': 'data crc mismatch'})
        else:
            try:
                summary = summarize_record(data)
                summary['index'] = index
                records.append(summary)
            except (Bad, UnicodeDecodeError, struct.error) as e:
                errors.append({'index': index, 'reason': str(e)})
        index += 1
    return {'records': records, 'errors': errors}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    write = sub.add_parser('write')
    write.add_argument('out')
    write.add_argument('--count', type=int, required=True)
    write.add_argument('--height', type=int, required=True)
    write.add_argument('--width', type=int, required=True)
    write.add_argument('--prefix', default='record_')
    write.add_argument('--order', choices=['seed', 'sorted'], default='seed')
    summary = sub.add_parser('summary')
    summary.add_argument('file')
    args = parser.parse_args(argv)
    if args.command == 'write':
        with open(args.out, 'wb') as out:
            for k in range(args.count):
                out.write(frame(seed_record(k, args.height, args.width, args.prefix, args.order)))
    else:
        json.dump(summarize(args.file), sys.stdout, sort_keys=True)
        sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
