import { Flex, Typography } from 'antd';
import { BRAND_COLOR } from './tessera-theme';

const TILE_COLORS = [BRAND_COLOR, '#7c8cf8', '#22b8cf', '#fab005'];

/** The Tessera mark (four mosaic tiles) and, optionally, the product name. */
export function BrandLogo({ size = 28, showName = true, inverted = false }: BrandLogoProps) {
  const tile = size / 2 - 1;
  return (
    <Flex align="center" gap={10}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        {TILE_COLORS.map((color, index) => (
          <rect
            key={color}
            x={(index % 2) * (tile + 2)}
            y={Math.floor(index / 2) * (tile + 2)}
            width={tile}
            height={tile}
            rx={size / 8}
            fill={inverted && index === 0 ? '#ffffff' : color}
          />
        ))}
      </svg>
      {showName && (
        <Typography.Text
          strong
          style={{ fontSize: size * 0.64, letterSpacing: 0.2, color: inverted ? '#ffffff' : undefined }}
        >
          Tessera
        </Typography.Text>
      )}
    </Flex>
  );
}

export interface BrandLogoProps {
  size?: number;
  showName?: boolean;
  inverted?: boolean;
}
